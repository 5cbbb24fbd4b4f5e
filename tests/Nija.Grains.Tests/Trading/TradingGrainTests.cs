using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Trading;

public sealed class TradingGrainTests
{
    private static PlaceOrderRequest Buy(string symbol = "ETH-USD", decimal usd = 50m, string? clientId = null) =>
        new("paper", symbol, OrderSide.Buy, OrderType.Market, SizeUsd: usd, ClientOrderId: clientId);

    [Fact]
    public async Task A_new_paper_account_starts_with_1000_USD_and_a_market_buy_fills_at_once()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("alice");

        var result = await trading.PlaceOrder(Buy(usd: 50m));
        var account = await trading.GetAccount();

        Assert.Equal(OrderStatus.Filled, result.Order.Status);
        Assert.True(result.Order.AveragePrice > 3_000m);
        var position = Assert.Single(account.Positions);
        Assert.Equal(result.Order.FilledQuantity, position.Quantity);
        Assert.Equal(1_000m - result.Order.FilledQuantity * result.Order.AveragePrice - result.Order.Fees, account.Cash);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_client_order_id_make_one_order_and_one_fill()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("retrier");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => trading.PlaceOrder(Buy(clientId: "c-1"))));

        Assert.Single(results.Select(r => r.Order.Id).Distinct());
        Assert.Equal(19, results.Count(r => r.Replayed));
        Assert.Single(await trading.GetOrders(null, 0, 100));
        Assert.Single((await trading.GetAccount()).Positions);
    }

    [Fact]
    public async Task A_client_order_id_is_still_honoured_after_a_restart()
    {
        await using var silo = await GrainSilo.StartAsync();
        var first = await silo.GrainFactory.GetGrain<ITradingGrain>("restart").PlaceOrder(Buy(clientId: "keep"));

        await silo.RestartAsync();
        var again = await silo.GrainFactory.GetGrain<ITradingGrain>("restart").PlaceOrder(Buy(clientId: "keep"));

        Assert.True(again.Replayed);
        Assert.Equal(first.Order with { Fills = [] }, again.Order with { Fills = [] });
        Assert.Equal(first.Order.Fills.Select(f => (f.Price, f.Quantity, f.Fee, f.IsMaker, f.At.UtcTicks)), again.Order.Fills.Select(f => (f.Price, f.Quantity, f.Fee, f.IsMaker, f.At.UtcTicks)));
        Assert.Single((await silo.GrainFactory.GetGrain<ITradingGrain>("restart").GetAccount()).Positions);
    }

    [Fact]
    public async Task A_hundred_concurrent_orders_never_exceed_the_users_max_positions()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("busy");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => trading.PlaceOrder(Buy(symbol: $"C{i:D3}-USD", usd: 30m))));

        Assert.Equal(3, (await trading.GetAccount()).Positions.Length);
        Assert.Equal(97, results.Count(r => r.Order.RejectReason?.StartsWith("MaxConcurrentPositions", StringComparison.Ordinal) == true));
        Assert.Equal(97, (await trading.GetRiskEvents(100)).Count(e => e.Rule == "MaxConcurrentPositions"));
    }

    [Theory]
    [InlineData(150, "MaxPositionSize")]
    [InlineData(10, "MinPositionSize")]
    public async Task An_entry_outside_the_size_limits_is_rejected_naming_the_rule(int usd, string rule)
    {
        await using var silo = await GrainSilo.StartAsync();

        var result = await silo.GrainFactory.GetGrain<ITradingGrain>("sizer").PlaceOrder(Buy(usd: usd));

        Assert.Equal(OrderStatus.Rejected, result.Order.Status);
        Assert.StartsWith(rule, result.Order.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_free_plan_allows_ten_trades_per_utc_day_and_the_count_resets_at_midnight()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));
        await using var silo = await GrainSilo.StartAsync(time);
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("daytrader");
        await silo.GrainFactory.GetGrain<IUserSettingsGrain>("daytrader").Update(new SettingsPatch(MaxConcurrentPositions: 20), "daytrader");

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(OrderStatus.Filled, (await trading.PlaceOrder(Buy(symbol: "BTC-USD", usd: 25m))).Order.Status);
        }

        var eleventh = await trading.PlaceOrder(Buy(symbol: "BTC-USD", usd: 25m));
        time.Advance(TimeSpan.FromHours(1));
        var nextDay = await trading.PlaceOrder(Buy(symbol: "BTC-USD", usd: 25m));

        Assert.StartsWith("MaxDailyTrades", eleventh.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Filled, nextDay.Order.Status);
    }

    [Fact]
    public async Task A_pair_outside_the_allowed_pairs_is_rejected()
    {
        await using var silo = await GrainSilo.StartAsync();
        await silo.GrainFactory.GetGrain<IUserSettingsGrain>("picky").Update(new SettingsPatch(AllowedPairs: ["BTC-USD"]), "picky");

        var result = await silo.GrainFactory.GetGrain<ITradingGrain>("picky").PlaceOrder(Buy(symbol: "ETH-USD"));

        Assert.StartsWith("AllowedPairs", result.Order.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_request_is_refused_naming_the_field_and_nothing_is_stored()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("sloppy");

        var both = await Assert.ThrowsAsync<ArgumentException>(() => trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m, Quantity: 1m)));
        var limit = await Assert.ThrowsAsync<ArgumentException>(() => trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Limit, SizeUsd: 50m)));

        Assert.Equal("sizeUsd", both.ParamName);
        Assert.Equal("limitPrice", limit.ParamName);
        Assert.Empty(await trading.GetOrders(null, 0, 10));
    }

    [Fact]
    public async Task A_limit_buy_waits_below_the_market_and_fills_at_its_limit_when_a_tick_crosses_it()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("patient");
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>("SOL-USD");
        await market.Publish(150m);

        var placed = await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Buy, OrderType.Limit, Quantity: 0.5m, LimitPrice: 140m));
        Assert.Equal(OrderStatus.Submitted, placed.Order.Status);

        await market.Publish(139.5m);
        var filled = await WaitForStatus(trading, placed.Order.Id, OrderStatus.Filled);

        Assert.Equal(140m, filled.AveragePrice);
        Assert.True(Assert.Single(filled.Fills).IsMaker);
    }

    [Fact]
    public async Task Prices_pushed_by_a_caller_fill_a_crossed_limit_order()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("pushed");
        var placed = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Limit, Quantity: 0.01m, LimitPrice: 2_500m));

        await trading.OnPrices(System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty.Add("ETH-USD", 2_600m));
        Assert.Equal(OrderStatus.Submitted, (await trading.GetOrders(null, 0, 10)).Single().Status);
        await trading.OnPrices(System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty.Add("ETH-USD", 2_499m));

        var filled = (await trading.GetOrders(null, 0, 10)).Single(o => o.Id == placed.Order.Id);
        Assert.Equal((OrderStatus.Filled, 2_500m), (filled.Status, filled.AveragePrice));
    }

    [Fact]
    public async Task A_stop_loss_sells_the_position_when_the_price_falls_to_it()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("careful");
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>("ETH-USD");
        await market.Publish(3_000m);
        var bought = await trading.PlaceOrder(Buy(usd: 60m));
        var stop = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Sell, OrderType.StopLoss, Quantity: bought.Order.FilledQuantity, StopPrice: 2_900m));

        await market.Publish(2_950m);
        await market.Publish(2_890m);
        await WaitForStatus(trading, stop.Order.Id, OrderStatus.Filled);

        Assert.Empty((await trading.GetAccount()).Positions);
    }

    [Fact]
    public async Task One_tenant_cannot_see_or_cancel_another_tenants_orders()
    {
        await using var silo = await GrainSilo.StartAsync();
        var alice = silo.GrainFactory.GetGrain<ITradingGrain>("alice-iso");
        var mallory = silo.GrainFactory.GetGrain<ITradingGrain>("mallory-iso");
        var order = await alice.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Buy, OrderType.Limit, Quantity: 0.2m, LimitPrice: 1m));

        Assert.Empty(await mallory.GetOrders(null, 0, 100));
        Assert.False(await mallory.CancelOrder(order.Order.Id));
        Assert.Equal(OrderStatus.Submitted, Assert.Single(await alice.GetOrders(null, 0, 100)).Status);
    }

    [Fact]
    public async Task Orders_positions_and_cash_survive_a_restart()
    {
        await using var silo = await GrainSilo.StartAsync();
        await silo.GrainFactory.GetGrain<ITradingGrain>("durable").PlaceOrder(Buy(usd: 40m));
        var before = await silo.GrainFactory.GetGrain<ITradingGrain>("durable").GetAccount();

        await silo.RestartAsync();
        var after = await silo.GrainFactory.GetGrain<ITradingGrain>("durable").GetAccount();

        Assert.Equal(before.Cash, after.Cash);
        Assert.Equal(before.Positions.Single().Quantity, after.Positions.Single().Quantity);
        Assert.Single(await silo.GrainFactory.GetGrain<ITradingGrain>("durable").GetOrders(OrderStatus.Filled, 0, 10));
    }

    internal static async Task<OrderView> WaitForStatus(ITradingGrain trading, string orderId, OrderStatus status)
    {
        // Ticks reach the grain through its stream subscription, asynchronously; poll its state (a grain call, not a sleep).
        for (var i = 0; i < 2_000; i++)
        {
            var order = (await trading.GetOrders(null, 0, 200)).Single(o => o.Id == orderId);
            if (order.Status == status)
            {
                return order;
            }

            await Task.Yield();
        }

        throw new TimeoutException($"Order {orderId} did not reach {status}.");
    }
}
