using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Exchange;
using Nija.Grains.Plans;
using Nija.Grains.Protections;
using Nija.Grains.Risk;

namespace Nija.Grains.Tests.Risk;

// The details are written only when a check blocks (BlockDetail); these pin that what is written is the full text.
public sealed class PreTradeCheckDetailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_order_that_passes_every_check_is_not_blocked()
    {
        Assert.Null(PreTradeCheck.Evaluate(Context(price: 60_000m, quantity: 0.0015m)));
    }

    [Fact]
    public void A_block_names_its_rule_and_writes_its_amounts_in_full()
    {
        var block = PreTradeCheck.Evaluate(Context(price: 60_000m, quantity: 0.01m));
        Assert.Equal(new PreTradeCheck.Block("MaxPositionSize", "notional 600.00 USD above the limit 100.00 USD"), block);
    }

    [Fact]
    public void A_protection_lock_blocks_with_its_name_symbol_time_and_reason()
    {
        var held = new ProtectionLock("BTC-USD", Now.AddMinutes(30), "Cooldown", "two losses in a row");
        var block = PreTradeCheck.Evaluate(Context(price: 60_000m, quantity: 0.0015m) with { Lock = held });
        Assert.Equal(new PreTradeCheck.Block("Protection:Cooldown", "BTC-USD locked until 2026-12-06 12:30:00Z: two losses in a row"), block);
    }

    private static PreTradeContext Context(decimal price, decimal quantity) => new(
        new PlaceOrderRequest("paper", "BTC-USD", OrderSide.Buy, OrderType.Market, Quantity: quantity),
        price, quantity, new PaperAccount { Cash = 4_000m }, EquityPeak: 4_000m, DayStartEquity: 4_000m, new UsageQuota(), ConsecutiveBrokerErrors: 0,
        KillSwitchState.Initial, KillSwitchState.Initial, UserSettings.Default, PlanCatalog.Default.For(PlanTier.Pro), new RiskOptions(), Now);
}
