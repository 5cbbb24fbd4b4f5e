using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Brokers;
using Nija.Tests.Shared.Exchanges;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Trading.Live;

/// <summary>
/// A silo on a manual clock whose Binance and Kraken adapters talk to local fakes of both, and one
/// Pro tenant with a trade-only key stored for each: what every live-trading test starts from.
/// </summary>
public sealed class LiveDesk : IAsyncDisposable
{
    public const string User = "live-trader";
    public const string Symbol = "BTC-USDT";
    public const string KrakenSymbol = "BTC-USD";
    private static readonly ExchangeCredentials Key = new("binance-live-key-0001", "binance-live-secret-0001", null);
    private static readonly ExchangeCredentials KrakenKey = new("kraken-live-key-0001", Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray()), null);
    private readonly List<FakeExchangeServer> _servers = [];

    private LiveDesk(TestSilo silo, FakeBinance exchange, FakeKraken kraken, ManualTimeProvider clock) => (Silo, Exchange, Kraken, Clock) = (silo, exchange, kraken, clock);

    public TestSilo Silo { get; private set; }

    public FakeBinance Exchange { get; }

    public FakeKraken Kraken { get; }

    public ManualTimeProvider Clock { get; }

    public ITradingGrain Trading => Silo.GrainFactory.GetGrain<ITradingGrain>(User);

    public static async Task<LiveDesk> StartAsync(bool withKey = true)
    {
        var clock = new ManualTimeProvider();
        var exchange = new FakeBinance(Key);
        var binance = await exchange.StartAsync();
        var krakenExchange = new FakeKraken(KrakenKey, clock);
        var kraken = await krakenExchange.StartAsync();
        var silo = await GrainSilo.StartAsync(clock, settings: new Dictionary<string, string?>
        {
            ["Nija:DataDir"] = Directory.CreateTempSubdirectory().FullName,
            ["Nija:Brokers:Binance:BaseUrl"] = binance.BaseAddress.ToString(),
            ["Nija:Brokers:Kraken:BaseUrl"] = kraken.BaseAddress.ToString(),
        });
        var desk = new LiveDesk(silo, exchange, krakenExchange, clock);
        desk._servers.AddRange([binance, kraken]);
        await desk.Trading.SetPlan(PlanTier.Pro);
        if (withKey)
        {
            var keys = silo.GrainFactory.GetGrain<IBrokerCredentialsGrain>(User);
            await keys.Add("binance", Key.ApiKey, Key.ApiSecret, null);
            await keys.Add("kraken", KrakenKey.ApiKey, KrakenKey.ApiSecret, null);
        }

        return desk;
    }

    public static PlaceOrderRequest Buy(decimal usd = 60m, string? clientOrderId = null) =>
        new("binance", Symbol, OrderSide.Buy, OrderType.Market, SizeUsd: usd, ClientOrderId: clientOrderId);

    public static PlaceOrderRequest Limit(decimal quantity, decimal price) =>
        new("binance", Symbol, OrderSide.Buy, OrderType.Limit, Quantity: quantity, LimitPrice: price);

    public async Task<OrderView> OrderAsync(string id) => (await Trading.GetOrders(null, 0, 100)).Single(o => o.Id == id);

    /// <summary>The tenant's order updates as they are published (after each durable save).</summary>
    public async Task<ChannelReader<OrderView>> WatchOrdersAsync()
    {
        var channel = Channel.CreateUnbounded<OrderView>();
        await Silo.Services.GetRequiredService<IStreamProvider>().GetStream<UserEvent>(new StreamId(UserEvent.StreamNamespace, User)).SubscribeAsync((e, _) =>
            e.Order is { } order ? channel.Writer.WriteAsync(order).AsTask() : Task.CompletedTask);
        return channel.Reader;
    }

    /// <summary>The first update that <paramref name="matches"/>, waited for (never more than 10 s).</summary>
    public static async Task<OrderView> UntilAsync(ChannelReader<OrderView> updates, Func<OrderView, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(matches);
        OrderView seen;
        do
        {
            seen = await updates.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        while (!matches(seen));

        return seen;
    }

    public async Task RestartAsync() => await Silo.RestartAsync();

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
