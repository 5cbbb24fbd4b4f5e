using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.Accounts;

public sealed class UserAccountTests
{
    [Fact]
    public async Task The_plan_of_an_account_applies_to_its_trading_at_once()
    {
        await using var silo = await GrainSilo.StartAsync();
        var account = silo.GrainFactory.GetGrain<IUserAccountGrain>("planner");
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("planner");
        var live = new PlaceOrderRequest("binance", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m);
        await account.Create("planner@example.com", "Planner", UserRole.User, PlanTier.Free);

        var onFree = await trading.PlaceOrder(live);
        await account.SetPlan(PlanTier.Pro, "billing");
        var onPro = await trading.PlaceOrder(live);

        Assert.StartsWith("PlanLiveTrading", onFree.Order.RejectReason, StringComparison.Ordinal);
        Assert.StartsWith("BrokerUnavailable", onPro.Order.RejectReason, StringComparison.Ordinal); // past the plan check, stopped only by the missing key
        Assert.Equal(PlanTier.Pro, (await account.Get())!.Plan);
    }

    [Fact]
    public async Task An_account_is_created_once_and_cannot_be_taken_over_with_another_address()
    {
        await using var silo = await GrainSilo.StartAsync();
        var account = silo.GrainFactory.GetGrain<IUserAccountGrain>("owner");

        var first = await account.Create("owner@example.com", "Owner", UserRole.Admin, PlanTier.Enterprise);
        var again = await account.Create("OWNER@example.com", "Someone", UserRole.Viewer, PlanTier.Free);

        Assert.Equal(first, again);
        await Assert.ThrowsAsync<InvalidOperationException>(() => account.Create("thief@example.com", "Thief", UserRole.Admin, PlanTier.Free));
    }
}
