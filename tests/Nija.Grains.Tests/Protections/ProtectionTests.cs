using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Protections;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Protections;

public sealed class ProtectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static (List<ClosedTrade> Trades, List<ProtectionLock> Locks) Empty() => ([], []);

    [Fact]
    public async Task After_a_trade_closes_the_pair_cools_down_while_other_pairs_and_exits_stay_open()
    {
        var time = new ManualTimeProvider(T0);
        await using var silo = await GrainSilo.StartAsync(time);
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("cooler");
        var bought = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));
        await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Sell, OrderType.Market, Quantity: bought.Order.FilledQuantity));

        var samePair = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));
        var otherPair = await trading.PlaceOrder(new PlaceOrderRequest("paper", "BTC-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));
        time.Advance(TimeSpan.FromMinutes(2));
        var later = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));

        Assert.StartsWith("Protection:CooldownPeriod", samePair.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Filled, otherPair.Order.Status);
        Assert.Equal(OrderStatus.Filled, later.Order.Status);
    }

    [Fact]
    public void StoplossGuard_locks_every_pair_after_four_stop_outs_within_an_hour()
    {
        var (trades, locks) = Empty();
        var o = new ProtectionOptions { CooldownMinutes = 0 };
        for (var i = 0; i < 4; i++)
        {
            ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade($"P{i}-USD", T0.AddMinutes(10 * i), -1m, -0.02m, ByStop: true), 1_000m, o);
        }

        var active = ProtectionRules.ActiveLock(locks, "ANY-USD", T0.AddMinutes(31));
        Assert.Equal(("StoplossGuard", (string?)null, T0.AddMinutes(90)), (active!.Protection, active.Symbol, active.Until));
        Assert.Null(ProtectionRules.ActiveLock(locks, "ANY-USD", T0.AddMinutes(90)));
    }

    [Fact]
    public void StoplossGuard_ignores_stop_outs_older_than_its_lookback_and_exits_by_signal()
    {
        var (trades, locks) = Empty();
        var o = new ProtectionOptions { CooldownMinutes = 0 };
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("A-USD", T0, -1m, -0.02m, true), 1_000m, o);
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("A-USD", T0.AddMinutes(61), -1m, -0.02m, true), 1_000m, o);
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("A-USD", T0.AddMinutes(62), -1m, -0.02m, false), 1_000m, o);
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("A-USD", T0.AddMinutes(63), -1m, -0.02m, true), 1_000m, o);

        Assert.DoesNotContain(locks, l => l.Protection == "StoplossGuard");
    }

    [Fact]
    public void LowProfitPairs_locks_a_pair_whose_recent_trades_lost_money_and_only_that_pair()
    {
        var (trades, locks) = Empty();
        var o = new ProtectionOptions { CooldownMinutes = 0 };
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("LOSE-USD", T0, -2m, -0.04m, false), 1_000m, o);
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("WIN-USD", T0.AddMinutes(1), 3m, 0.06m, false), 1_000m, o);
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("LOSE-USD", T0.AddMinutes(2), 1m, 0.02m, false), 1_000m, o);

        Assert.Equal("LowProfitPairs", ProtectionRules.ActiveLock(locks, "LOSE-USD", T0.AddMinutes(3))!.Protection);
        Assert.Null(ProtectionRules.ActiveLock(locks, "WIN-USD", T0.AddMinutes(3)));
    }

    [Fact]
    public void MaxDrawdown_locks_all_pairs_when_recent_trades_draw_equity_down_past_the_limit()
    {
        var (trades, locks) = Empty();
        var o = new ProtectionOptions { CooldownMinutes = 0, MaxDrawdownTradeLimit = 3, MaxAllowedDrawdownPct = 10m, LowProfitPairsTradeLimit = 0 };
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("A-USD", T0, 50m, 0.05m, false), 1_000m, o);
        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("B-USD", T0.AddMinutes(1), -60m, -0.06m, false), 1_000m, o);
        Assert.Empty(locks); // two trades: under the trade limit

        ProtectionRules.OnTradeClosed(trades, locks, new ClosedTrade("C-USD", T0.AddMinutes(2), -45m, -0.05m, false), 1_000m, o);

        var active = ProtectionRules.ActiveLock(locks, "Z-USD", T0.AddMinutes(3));
        Assert.Equal("MaxDrawdown", active!.Protection);
        Assert.Contains("10.5%", active.Reason, StringComparison.Ordinal);
    }
}
