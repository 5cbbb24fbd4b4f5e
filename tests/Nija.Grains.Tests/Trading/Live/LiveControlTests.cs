using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Tests.Trading.Live;

/// <summary>The hard controls on live trading: auto-disable after broker errors, and kill switches reaching the exchange.</summary>
public sealed class LiveControlTests
{
    [Fact]
    public async Task Five_broker_errors_in_a_row_disable_trading_until_an_admin_resumes_it()
    {
        await using var desk = await LiveDesk.StartAsync();
        desk.Exchange.Down = true;
        var failing = new List<OrderView>();
        for (var i = 0; i < 5; i++)
        {
            failing.Add((await desk.Trading.PlaceOrder(LiveDesk.Buy())).Order);
        }

        desk.Exchange.Down = false;
        // The exchange's circuit, opened by the same failures, half-opens after its open period.
        desk.Clock.Advance(TimeSpan.FromSeconds(30));
        var blocked = (await desk.Trading.PlaceOrder(LiveDesk.Buy())).Order;
        await desk.Trading.ResumeAfterBrokerErrors("exchange maintenance over", "founder");
        var resumed = (await desk.Trading.PlaceOrder(LiveDesk.Buy())).Order;

        Assert.All(failing.Take(4), o => Assert.StartsWith("BrokerUnavailable: binance could not be read: binance error 503", o.RejectReason, StringComparison.Ordinal));
        Assert.StartsWith("AutoDisabled: 5 broker errors in a row", failing[4].RejectReason, StringComparison.Ordinal);
        Assert.StartsWith("AutoDisabled: 5 broker errors in a row", blocked.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Filled, resumed.Status);
        var rules = (await desk.Trading.GetRiskEvents(10)).Select(e => e.Rule).ToList();
        Assert.Contains("AutoDisabledResumed", rules);
        Assert.Equal(1, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task Flatten_sells_live_positions_on_the_exchange_and_stop_cancels_resting_orders_there()
    {
        await using var desk = await LiveDesk.StartAsync();
        await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var resting = (await desk.Trading.PlaceOrder(LiveDesk.Limit(0.0005m, 59_000m))).Order;
        var held = (await desk.Trading.PlaceOrder(new PlaceOrderRequest("binance", LiveDesk.Symbol, OrderSide.Sell, OrderType.StopLoss, Quantity: 0.0009m, StopPrice: 55_000m))).Order;

        await desk.Trading.SetKillSwitch(KillSwitchLevel.Flatten, "drill", "founder");
        var orders = await desk.Trading.GetOrders(null, 0, 100);

        Assert.Equal(OrderStatus.Canceled, orders.Single(o => o.Id == resting.Id).Status);
        Assert.Equal((OrderStatus.Canceled, "kill switch Flatten"), (orders.Single(o => o.Id == held.Id).Status, orders.Single(o => o.Id == held.Id).RejectReason));
        var exit = orders.Single(o => o.Side == OrderSide.Sell && o.Type == OrderType.Market);
        // Held 0.00098901 BTC after the commission; Binance sells whole steps of 0.00001, so the rest is dust.
        Assert.Equal(("binance", OrderStatus.Filled, 0.00098m), (exit.Broker, exit.Status, exit.FilledQuantity));
        Assert.Equal(0.00000901m, Assert.Single((await desk.Trading.GetAccount()).Positions).Quantity);
        Assert.Equal(3, desk.Exchange.OrderCount);
    }
}
