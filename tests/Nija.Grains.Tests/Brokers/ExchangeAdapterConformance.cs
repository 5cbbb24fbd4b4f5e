using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;
using Nija.Grains.Brokers;
using Nija.Tests.Shared.Exchanges;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Brokers;

/// <summary>
/// What every live exchange adapter must do against its exchange's documented API (here a local
/// server speaking it): place, find an order again by its client order id (how an order whose
/// answer was lost is resolved), list and cancel resting orders, read fills, and read the symbol's
/// rules. Each adapter subclasses it, like Lean's BrokerageTests.
/// </summary>
public abstract class ExchangeAdapterConformance : IAsyncLifetime
{
    private FakeExchangeServer? _server;

    protected IExchangeAdapter Adapter { get; private set; } = null!;

    protected abstract ExchangeCredentials Credentials { get; }

    protected abstract string Symbol { get; }

    /// <summary>A limit price far from the market, on the symbol's tick.</summary>
    protected abstract decimal RestingPrice { get; }

    protected abstract decimal MarketPrice { get; }

    protected abstract SymbolRules ExpectedRules { get; }

    protected abstract Task<FakeExchangeServer> StartExchangeAsync();

    protected abstract IExchangeAdapter CreateAdapter(HttpClient http);

    public async Task InitializeAsync()
    {
        _server = await StartExchangeAsync();
        Adapter = CreateAdapter(new HttpClient { BaseAddress = _server.BaseAddress });
    }

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task A_limit_order_rests_among_the_open_orders_until_it_is_canceled()
    {
        await Adapter.PlaceOrderAsync(Credentials, new ExchangeOrder(Symbol, OrderSide.Buy, OrderType.Limit, 0.01m, RestingPrice, "rest-1"), default);

        var open = Assert.Single(await Adapter.GetOpenOrdersAsync(Credentials, Symbol, default));
        Assert.Equal(("rest-1", OrderStatus.Submitted, 0.01m, 0m), (open.ClientOrderId, open.Status, open.Quantity, open.ExecutedQuantity));

        Assert.True(await Adapter.CancelOrderAsync(Credentials, Symbol, "rest-1", default));
        Assert.Empty(await Adapter.GetOpenOrdersAsync(Credentials, Symbol, default));
        Assert.Equal(OrderStatus.Canceled, (await Adapter.GetOrderAsync(Credentials, Symbol, "rest-1", default))!.Status);
    }

    [Fact]
    public async Task An_order_whose_answer_was_lost_is_found_by_its_client_order_id()
    {
        var ack = await Adapter.PlaceOrderAsync(Credentials, new ExchangeOrder(Symbol, OrderSide.Buy, OrderType.Market, 0.02m, null, "lost-1"), default);

        var found = await Adapter.GetOrderAsync(Credentials, Symbol, "lost-1", default);

        Assert.NotNull(found);
        Assert.Equal((ack.ExchangeOrderId, "lost-1", OrderSide.Buy, OrderStatus.Filled, 0.02m), (found.ExchangeOrderId, found.ClientOrderId, found.Side, found.Status, found.ExecutedQuantity));
        Assert.Equal(MarketPrice, found.AveragePrice);
    }

    [Fact]
    public async Task An_order_the_exchange_never_received_is_reported_absent()
    {
        Assert.Null(await Adapter.GetOrderAsync(Credentials, Symbol, "never-sent", default));
    }

    [Fact]
    public async Task Canceling_an_order_that_is_not_resting_reports_that_nothing_was_canceled()
    {
        await Adapter.PlaceOrderAsync(Credentials, new ExchangeOrder(Symbol, OrderSide.Sell, OrderType.Market, 0.01m, null, "done-1"), default);

        Assert.False(await Adapter.CancelOrderAsync(Credentials, Symbol, "done-1", default));
        Assert.False(await Adapter.CancelOrderAsync(Credentials, Symbol, "never-sent", default));
    }

    [Fact]
    public async Task A_filled_market_order_shows_in_the_fills_with_its_price_quantity_and_fee()
    {
        var ack = await Adapter.PlaceOrderAsync(Credentials, new ExchangeOrder(Symbol, OrderSide.Buy, OrderType.Market, 0.03m, null, "fill-1"), default);

        var fill = Assert.Single(await Adapter.GetFillsAsync(Credentials, Symbol, default));

        Assert.Equal((ack.ExchangeOrderId, Symbol, OrderSide.Buy, MarketPrice, 0.03m), (fill.ExchangeOrderId, fill.Symbol, fill.Side, fill.Price, fill.Quantity));
        Assert.True(fill.Fee > 0, "The fill's fee was not read.");
    }

    [Fact]
    public async Task The_last_price_is_read_from_the_public_ticker() =>
        Assert.Equal(MarketPrice, await Adapter.GetPriceAsync(Symbol, default));

    [Fact]
    public async Task The_symbol_rules_give_the_size_limits_step_tick_minimum_value_and_leverage()
    {
        var rules = await Adapter.GetSymbolRulesAsync(Symbol, default);

        Assert.Equal(ExpectedRules, rules);
        Assert.Null(rules.Check(rules.MinQuantity * 1000, RestingPrice));
        Assert.StartsWith("quantity: ", rules.Check(rules.MinQuantity / 10, RestingPrice), StringComparison.Ordinal);
        Assert.StartsWith("limitPrice: ", rules.Check(rules.MinQuantity * 1000, RestingPrice + rules.PriceTick / 2), StringComparison.Ordinal);
    }
}

public sealed class BinanceSpotAdapterConformance : ExchangeAdapterConformance
{
    private static readonly ExchangeCredentials Keys = new("binance-key-1234", "binance-secret-for-tests", null);

    protected override ExchangeCredentials Credentials => Keys;

    protected override string Symbol => "BTC-USDT";

    protected override decimal RestingPrice => 20000.01m;

    protected override decimal MarketPrice => FakeBinance.MarketPrice;

    protected override SymbolRules ExpectedRules => new("BTC-USDT", 0.00001m, 9000m, 0.00001m, 0.01m, 5m, 1);

    protected override Task<FakeExchangeServer> StartExchangeAsync() => new FakeBinance(Keys).StartAsync();

    protected override IExchangeAdapter CreateAdapter(HttpClient http) => new BinanceSpotAdapter(http, new ManualTimeProvider());
}

public sealed class KrakenAdapterConformance : ExchangeAdapterConformance
{
    private static readonly ExchangeCredentials Keys = new("kraken-key-5678", Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray()), null);
    private readonly ManualTimeProvider _clock = new();

    protected override ExchangeCredentials Credentials => Keys;

    protected override string Symbol => "BTC-USD";

    protected override decimal RestingPrice => 20000.1m;

    protected override decimal MarketPrice => FakeKraken.MarketPrice;

    protected override SymbolRules ExpectedRules => new("BTC-USD", 0.0001m, null, 0.00000001m, 0.1m, 0.5m, 5);

    protected override Task<FakeExchangeServer> StartExchangeAsync() => new FakeKraken(Keys, _clock).StartAsync();

    protected override IExchangeAdapter CreateAdapter(HttpClient http) => new KrakenAdapter(http, _clock);
}
