using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.History;

public sealed class TradingHistoryTests
{
    [Fact]
    public async Task Trades_and_every_final_order_reach_the_sqlite_history_and_read_back_after_a_restart()
    {
        var time = new ManualTimeProvider();
        var dir = Directory.CreateTempSubdirectory().FullName;
        await using var silo = await GrainSilo.StartOnSqliteAsync(dir, time, GrainSilo.WithoutTradeProtections());
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("historian");
        await trading.SetPlan(GrainInterfaces.Plans.PlanTier.Enterprise);

        for (var i = 0; i < 15; i++) // 30 orders: more than the 20 final orders the grain used to keep
        {
            var bought = await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 40m));
            await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Sell, OrderType.Market, Quantity: bought.Order.FilledQuantity));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await silo.RestartAsync();
        var stats = await silo.GrainFactory.GetGrain<ITradingGrain>("historian").GetStats();
        var account = await silo.GrainFactory.GetGrain<ITradingGrain>("historian").GetAccount();

        Assert.Equal(15, stats.Trades);
        Assert.Equal(0m, stats.WinRatePct); // a round trip at one price loses the spread and the fees
        Assert.Equal(account.RealizedPnl, stats.TotalPnl);
        Assert.True(stats.Volume > 15 * 2 * 39m);
        var orders = await silo.GrainFactory.GetGrain<ITradingGrain>("historian").GetOrders(null, 0, 100);
        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(n => $"historian-{n}"), orders.Select(o => o.Id));
        Assert.All(orders, o => Assert.Equal(OrderStatus.Filled, o.Status));
        Assert.All(orders, o => Assert.Equal(o.Quantity, Assert.Single(o.Fills).Quantity));
    }
}
