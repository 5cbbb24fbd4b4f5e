using Nija.GrainInterfaces.Orders;
using Nija.Grains.Trading;

namespace Nija.Grains.Tests.Trading.Live;

/// <summary>Stop-loss, take-profit and trailing stops on a live exchange: held by Nija, sent at market when the exchange's price reaches them.</summary>
public sealed class LiveStopTests
{
    private static readonly TimeSpan Check = new LiveTradingOptions().StopCheckInterval;

    private static PlaceOrderRequest StopLoss(decimal stop) =>
        new("binance", LiveDesk.Symbol, OrderSide.Sell, OrderType.StopLoss, Quantity: 0.00098m, StopPrice: stop);

    [Fact]
    public async Task A_live_stop_loss_waits_unsent_until_the_exchange_price_falls_to_it_then_sells_at_market()
    {
        await using var desk = await LiveDesk.StartAsync();
        await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var updates = await desk.WatchOrdersAsync();
        var stop = (await desk.Trading.PlaceOrder(StopLoss(59_000m))).Order;
        var ordersOnTheExchangeWhileHeld = desk.Exchange.OrderCount;

        desk.Exchange.Price = 58_900m;
        desk.Clock.Advance(Check);
        var filled = await LiveDesk.UntilAsync(updates, o => o.Id == stop.Id && o.Status == OrderStatus.Filled);

        Assert.Equal((OrderStatus.Submitted, 1), (stop.Status, ordersOnTheExchangeWhileHeld));
        Assert.Equal((OrderType.StopLoss, 0.00098m, 58_900m), (filled.Type, filled.FilledQuantity, filled.AveragePrice));
        Assert.Equal(0.00000901m, Assert.Single((await desk.Trading.GetAccount()).Positions).Quantity);
        Assert.Equal(2, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_live_trailing_stop_follows_the_exchange_price_up_and_sells_when_it_falls_back_by_its_distance()
    {
        await using var desk = await LiveDesk.StartAsync();
        await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var updates = await desk.WatchOrdersAsync();
        var trailing = (await desk.Trading.PlaceOrder(new PlaceOrderRequest("binance", LiveDesk.Symbol, OrderSide.Sell, OrderType.TrailingStop, Quantity: 0.00098m, TrailingPercent: 1m))).Order;

        desk.Exchange.Price = 61_000m;
        desk.Clock.Advance(Check);
        var raised = await LiveDesk.UntilAsync(updates, o => o.Id == trailing.Id && o.StopPrice != trailing.StopPrice);
        desk.Exchange.Price = 60_300m;
        // The next timed check counts from the end of this one, so the fall is checked on demand.
        desk.Clock.Advance(Check);
        await desk.Trading.Reconcile();
        var filled = await desk.OrderAsync(trailing.Id);

        // 1 % under 60,120 at placement, then 1 % under 61,000; 60,300 is under that.
        Assert.Equal(59_518.8m, trailing.StopPrice);
        Assert.Equal((OrderStatus.Submitted, 60_390m), (raised.Status, raised.StopPrice));
        Assert.Equal((0.00098m, 60_300m), (filled.FilledQuantity, filled.AveragePrice));
        Assert.Equal(2, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_held_stop_is_canceled_without_the_exchange_even_while_it_is_down()
    {
        await using var desk = await LiveDesk.StartAsync();
        await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var stop = (await desk.Trading.PlaceOrder(StopLoss(59_000m))).Order;
        desk.Exchange.Down = true;

        var canceled = await desk.Trading.CancelOrder(stop.Id);

        Assert.True(canceled);
        Assert.Equal(OrderStatus.Canceled, (await desk.OrderAsync(stop.Id)).Status);
        Assert.Equal(1, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_held_stop_survives_a_restart_and_still_triggers()
    {
        await using var desk = await LiveDesk.StartAsync();
        await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var stop = (await desk.Trading.PlaceOrder(StopLoss(59_000m))).Order;

        await desk.RestartAsync();
        var updates = await desk.WatchOrdersAsync();
        var held = await desk.OrderAsync(stop.Id);
        desk.Exchange.Price = 58_000m;
        desk.Clock.Advance(Check);
        var filled = await LiveDesk.UntilAsync(updates, o => o.Id == stop.Id && o.Status == OrderStatus.Filled);

        Assert.Equal((OrderStatus.Submitted, 59_000m), (held.Status, held.StopPrice));
        Assert.Equal(58_000m, filled.AveragePrice);
        Assert.Equal(2, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_stop_whose_position_was_sold_meanwhile_is_rejected_at_its_trigger_and_sends_nothing()
    {
        await using var desk = await LiveDesk.StartAsync();
        await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var updates = await desk.WatchOrdersAsync();
        var stop = (await desk.Trading.PlaceOrder(StopLoss(59_000m))).Order;
        await desk.Trading.PlaceOrder(new PlaceOrderRequest("binance", LiveDesk.Symbol, OrderSide.Sell, OrderType.Market, Quantity: 0.00098m));

        desk.Exchange.Price = 58_900m;
        desk.Clock.Advance(Check);
        var rejected = await LiveDesk.UntilAsync(updates, o => o.Id == stop.Id && o.Status == OrderStatus.Rejected);

        Assert.StartsWith("InsufficientPosition: at trigger", rejected.RejectReason, StringComparison.Ordinal);
        Assert.Equal(2, desk.Exchange.OrderCount);
    }
}
