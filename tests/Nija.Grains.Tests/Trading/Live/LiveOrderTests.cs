using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.Tests.Shared.Exchanges;
using Nija.Grains.Trading;

namespace Nija.Grains.Tests.Trading.Live;

/// <summary>Orders routed to a real exchange's API (a local fake Binance speaking its documented JSON).</summary>
public sealed class LiveOrderTests
{
    [Fact]
    public async Task A_live_market_buy_fills_on_the_exchange_and_is_held_apart_from_the_paper_account()
    {
        await using var desk = await LiveDesk.StartAsync();

        var result = await desk.Trading.PlaceOrder(LiveDesk.Buy(usd: 60m));
        var account = await desk.Trading.GetAccount();

        // 60 USD at 60,120 is 0.000998, rounded down to Binance's step of 0.00001.
        Assert.Equal((OrderStatus.Filled, 0.00099m, FakeBinance.MarketPrice), (result.Order.Status, result.Order.FilledQuantity, result.Order.AveragePrice));
        Assert.Equal(0.00099m * 0.001m * FakeBinance.MarketPrice, result.Order.Fees);
        var position = Assert.Single(account.Positions);
        // Binance takes a buy's commission in the asset bought: 0.1 % of 0.00099 BTC.
        Assert.Equal(("binance", 0.00099m - 0.00000099m), (position.Broker, position.Quantity));
        Assert.Equal(1_000m, account.Cash);
        Assert.Equal(1, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_live_fill_is_a_point_on_the_exchange_accounts_own_equity_curve_not_the_paper_one()
    {
        await using var desk = await LiveDesk.StartAsync();

        await desk.Trading.PlaceOrder(LiveDesk.Buy(usd: 60m));
        var account = Assert.Single((await desk.Trading.GetAccount()).Exchanges);
        var history = desk.Silo.GrainFactory.GetGrain<IUserHistoryGrain>(LiveDesk.User);
        var binance = await history.GetEquity("binance", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var paper = await history.GetEquity(EquityRecord.Paper, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        // 1,000 USDT read from the exchange, less 0.00099 BTC at 60,120; plus the 0.00098901 BTC held at that price.
        Assert.Equal(("binance", 940.4812m, 940.4812m + 0.00098901m * 60_120m, 1), (account.Broker, account.Cash, account.Equity, account.OpenPositions));
        Assert.Equal((account.Equity, account.Cash), (Assert.Single(binance).Equity, binance[0].Cash));
        Assert.Empty(paper);
    }

    [Fact]
    public async Task A_kraken_market_buy_acknowledged_as_pending_is_looked_up_at_once_and_filled()
    {
        await using var desk = await LiveDesk.StartAsync();

        var result = await desk.Trading.PlaceOrder(new PlaceOrderRequest("kraken", LiveDesk.KrakenSymbol, OrderSide.Buy, OrderType.Market, SizeUsd: 60m));

        // 60 USD at 30,010 is 0.00199933 (Kraken's step is 1e-8); Kraken charges 0.26 % of the cost in USD.
        Assert.Equal((OrderStatus.Filled, 0.00199933m, FakeKraken.MarketPrice), (result.Order.Status, result.Order.FilledQuantity, result.Order.AveragePrice));
        Assert.Equal(Math.Round(0.00199933m * FakeKraken.MarketPrice * 0.0026m, 8), Math.Round(result.Order.Fees, 8));
        var position = Assert.Single((await desk.Trading.GetAccount()).Positions);
        Assert.Equal(("kraken", 0.00199933m), (position.Broker, position.Quantity));
        Assert.Equal(0, await desk.Trading.Reconcile());
    }

    [Fact]
    public async Task An_order_whose_answer_is_lost_stays_unknown_until_reconciliation_finds_it_filled()
    {
        await using var desk = await LiveDesk.StartAsync();
        desk.Exchange.LoseNextAnswers(1);

        var placed = await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var awaiting = await desk.Trading.Reconcile();
        var after = await desk.OrderAsync(placed.Order.Id);

        Assert.Equal((OrderStatus.Submitted, 0m), (placed.Order.Status, placed.Order.FilledQuantity));
        Assert.Equal(0, awaiting);
        Assert.Equal((OrderStatus.Filled, 0.00099m), (after.Status, after.FilledQuantity));
        Assert.Single((await desk.Trading.GetAccount()).Positions);
        Assert.Equal(1, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task An_order_that_never_reached_the_exchange_is_rejected_as_not_received_only_after_the_grace_period()
    {
        await using var desk = await LiveDesk.StartAsync();
        desk.Exchange.FailNextOrders(1);

        var placed = await desk.Trading.PlaceOrder(LiveDesk.Buy());
        var stillAwaiting = await desk.Trading.Reconcile();
        desk.Clock.Advance(new LiveTradingOptions().NotReceivedAfter);
        await desk.Trading.Reconcile();
        var after = await desk.OrderAsync(placed.Order.Id);

        Assert.Equal(OrderStatus.Submitted, placed.Order.Status);
        Assert.Equal(1, stillAwaiting);
        Assert.Equal(OrderStatus.Rejected, after.Status);
        Assert.StartsWith("NotReceived: binance has no order nj-", after.RejectReason, StringComparison.Ordinal);
        Assert.Empty((await desk.Trading.GetAccount()).Positions);
        Assert.Equal(0, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task An_unknown_outcome_is_resolved_when_the_grain_activates_after_a_restart()
    {
        await using var desk = await LiveDesk.StartAsync();
        desk.Exchange.LoseNextAnswers(1);
        var placed = await desk.Trading.PlaceOrder(LiveDesk.Buy());

        await desk.RestartAsync();
        var after = await desk.OrderAsync(placed.Order.Id);

        Assert.Equal(OrderStatus.Submitted, placed.Order.Status);
        Assert.Equal(OrderStatus.Filled, after.Status);
        Assert.Equal("binance", Assert.Single((await desk.Trading.GetAccount()).Positions).Broker);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_client_order_id_send_one_order_to_the_exchange()
    {
        await using var desk = await LiveDesk.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => desk.Trading.PlaceOrder(LiveDesk.Buy(clientOrderId: "once"))));

        Assert.Single(results.Select(r => r.Order.Id).Distinct());
        Assert.Equal(9, results.Count(r => r.Replayed));
        Assert.Equal(1, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_resting_limit_order_filled_on_the_exchange_is_applied_by_the_reconciliation_timer()
    {
        await using var desk = await LiveDesk.StartAsync();
        var updates = await desk.WatchOrdersAsync();
        var placed = await desk.Trading.PlaceOrder(LiveDesk.Limit(0.001m, 59_000m));
        desk.Exchange.FillResting(LiveOrders.ClientIdFor(placed.Order.Id));

        desk.Clock.Advance(new LiveTradingOptions().ReconcileInterval);
        var seen = await LiveDesk.UntilAsync(updates, o => o.Status == OrderStatus.Filled);

        Assert.Equal(OrderStatus.Submitted, placed.Order.Status);
        Assert.Equal((placed.Order.Id, 0.001m, 59_000m), (seen.Id, seen.FilledQuantity, seen.AveragePrice));
    }

    [Fact]
    public async Task Canceling_a_resting_live_order_cancels_it_on_the_exchange()
    {
        await using var desk = await LiveDesk.StartAsync();
        var placed = await desk.Trading.PlaceOrder(LiveDesk.Limit(0.001m, 59_000m));

        var canceled = await desk.Trading.CancelOrder(placed.Order.Id);

        Assert.True(canceled);
        Assert.Equal(OrderStatus.Canceled, (await desk.OrderAsync(placed.Order.Id)).Status);
        Assert.Equal(0, await desk.Trading.Reconcile());
    }

    [Fact]
    public async Task A_cancel_that_cannot_reach_the_exchange_says_so_and_leaves_the_order_open()
    {
        await using var desk = await LiveDesk.StartAsync();
        var placed = await desk.Trading.PlaceOrder(LiveDesk.Limit(0.001m, 59_000m));
        desk.Exchange.Down = true;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => desk.Trading.CancelOrder(placed.Order.Id));

        Assert.StartsWith("binance could not be reached to cancel the order", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Submitted, (await desk.OrderAsync(placed.Order.Id)).Status);
        Assert.Equal(1, await desk.Trading.Reconcile());
    }

    [Fact]
    public async Task An_order_off_the_exchanges_tick_is_rejected_before_anything_is_sent()
    {
        await using var desk = await LiveDesk.StartAsync();

        var result = await desk.Trading.PlaceOrder(LiveDesk.Limit(0.001m, 59_000.005m));

        Assert.Equal(OrderStatus.Rejected, result.Order.Status);
        Assert.StartsWith("ExchangeRules: limitPrice: 59000.005 is not a multiple", result.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(0, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task Without_a_stored_key_a_live_order_is_rejected_saying_so()
    {
        await using var desk = await LiveDesk.StartAsync(withKey: false);

        var result = await desk.Trading.PlaceOrder(LiveDesk.Buy());

        Assert.Equal("BrokerUnavailable: no binance key is stored; add one under settings", result.Order.RejectReason);
        Assert.Equal(0, desk.Exchange.OrderCount);
    }

    [Fact]
    public async Task A_fee_paid_in_bnb_is_valued_at_bnbs_price_and_leaves_the_asset_bought_whole()
    {
        await using var desk = await LiveDesk.StartAsync();
        desk.Exchange.BnbPrice = 600m;

        var result = await desk.Trading.PlaceOrder(LiveDesk.Buy(usd: 60m));

        // 0.075 % of 0.00099 BTC at 60,120 is 0.0000744 BNB, worth 0.04464 USDT at 600.
        Assert.Equal(0.0000744m * 600m, result.Order.Fees);
        Assert.Equal(0.00099m, Assert.Single((await desk.Trading.GetAccount()).Positions).Quantity);
    }

    [Fact]
    public async Task A_kraken_order_carries_a_deadline_so_one_that_arrives_late_is_refused_rather_than_executed()
    {
        await using var desk = await LiveDesk.StartAsync();
        var onTime = await desk.Trading.PlaceOrder(new PlaceOrderRequest("kraken", LiveDesk.KrakenSymbol, OrderSide.Buy, OrderType.Market, SizeUsd: 60m));
        desk.Kraken.ArrivalDelay = TimeSpan.FromSeconds(10);

        var late = await desk.Trading.PlaceOrder(new PlaceOrderRequest("kraken", LiveDesk.KrakenSymbol, OrderSide.Buy, OrderType.Market, SizeUsd: 60m));

        Assert.Equal(OrderStatus.Filled, onTime.Order.Status);
        Assert.InRange(desk.Kraken.DeadlineLeads[0], TimeSpan.FromSeconds(4.99), TimeSpan.FromSeconds(5));
        Assert.Equal("ExchangeRejected: kraken error EGeneral:Invalid arguments: EGeneral:Invalid arguments:deadline", late.Order.RejectReason);
        Assert.Equal(0.00199933m, Assert.Single((await desk.Trading.GetAccount()).Positions).Quantity);
    }
}
