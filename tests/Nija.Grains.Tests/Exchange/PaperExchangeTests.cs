using Nija.GrainInterfaces.Orders;
using Nija.Grains.Exchange;

namespace Nija.Grains.Tests.Exchange;

public sealed class PaperExchangeTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PaperExchange _exchange = new(new PaperExchangeOptions());

    [Fact]
    public void The_same_order_on_the_same_book_fills_the_same_way_every_time()
    {
        var first = _exchange.ExecuteMarket("BTC-USD", OrderSide.Buy, 0.5m, 60_000m, At);
        var again = new PaperExchange(new PaperExchangeOptions()).ExecuteMarket("BTC-USD", OrderSide.Buy, 0.5m, 60_000m, At);

        Assert.Equal(first, again);
        Assert.Equal(0.5m, first.Sum(f => f.Quantity));
    }

    [Fact]
    public void A_bigger_market_order_walks_deeper_and_pays_a_worse_average_price()
    {
        static decimal Average(IReadOnlyList<Fill> fills) => fills.Sum(f => f.Price * f.Quantity) / fills.Sum(f => f.Quantity);
        var small = _exchange.ExecuteMarket("ETH-USD", OrderSide.Buy, 0.1m, 3_000m, At);
        var large = _exchange.ExecuteMarket("ETH-USD", OrderSide.Buy, 50m, 3_000m, At);

        Assert.Single(small);
        Assert.True(large.Count > 1);
        Assert.True(Average(large) > Average(small));
        Assert.True(Average(small) > 3_000m); // buys pay above the mid
    }

    [Fact]
    public void Market_fills_pay_the_taker_fee_and_limit_fills_the_maker_fee()
    {
        var market = Assert.Single(_exchange.ExecuteMarket("SOL-USD", OrderSide.Sell, 1m, 150m, At));
        var limit = _exchange.TryFillLimit(OrderSide.Buy, 1m, 149m, 148.5m, At)!;

        Assert.Equal(Math.Round(market.Price * 10m / 10_000m, 8), market.Fee);
        Assert.False(market.IsMaker);
        Assert.Equal((149m, 149m * 2m / 10_000m, true), (limit.Price, limit.Fee, limit.IsMaker));
    }

    [Fact]
    public void A_limit_order_fills_only_when_the_price_crosses_it()
    {
        Assert.Null(_exchange.TryFillLimit(OrderSide.Buy, 1m, 99m, 99.01m, At));
        Assert.NotNull(_exchange.TryFillLimit(OrderSide.Buy, 1m, 99m, 99m, At));
        Assert.Null(_exchange.TryFillLimit(OrderSide.Sell, 1m, 101m, 100.99m, At));
        Assert.NotNull(_exchange.TryFillLimit(OrderSide.Sell, 1m, 101m, 101.5m, At));
    }

    [Theory]
    [InlineData(OrderType.StopLoss, OrderSide.Sell, 95, 95.01, false)]
    [InlineData(OrderType.StopLoss, OrderSide.Sell, 95, 95, true)]
    [InlineData(OrderType.TakeProfit, OrderSide.Sell, 110, 109.99, false)]
    [InlineData(OrderType.TakeProfit, OrderSide.Sell, 110, 110.5, true)]
    [InlineData(OrderType.StopLoss, OrderSide.Buy, 105, 105, true)]
    public void Stops_trigger_at_their_price(OrderType type, OrderSide side, double stop, double price, bool triggered)
    {
        Assert.Equal(triggered, PaperExchange.IsTriggered(type, side, (decimal)stop, (decimal)price));
    }

    [Fact]
    public void A_trailing_stop_follows_the_price_up_and_never_down()
    {
        var stop = PaperExchange.Trail(OrderSide.Sell, 0, 5m, 100m);
        stop = PaperExchange.Trail(OrderSide.Sell, stop, 5m, 120m);
        var afterDip = PaperExchange.Trail(OrderSide.Sell, stop, 5m, 110m);

        Assert.Equal(114m, stop);
        Assert.Equal(114m, afterDip);
    }

    [Fact]
    public void Applying_fills_keeps_cash_average_entry_and_realized_pnl_consistent()
    {
        var account = new PaperAccount { Cash = 1_000m };
        account.Apply("paper", "X-USD", OrderSide.Buy, new Fill(100m, 1m, 0.1m, false, At));
        account.Apply("paper", "X-USD", OrderSide.Buy, new Fill(110m, 1m, 0.1m, false, At));
        account.Apply("paper", "X-USD", OrderSide.Sell, new Fill(120m, 2m, 0.2m, false, At));

        Assert.Equal(1_000m - 100.1m - 110.1m + 239.8m, account.Cash);
        Assert.Equal(2 * (120m - 105m) - 0.2m, account.RealizedPnl);
        Assert.Empty(account.Positions);
    }
}
