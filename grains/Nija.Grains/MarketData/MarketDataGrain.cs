using System.Collections.Immutable;
using Nija.GrainInterfaces.Backtests;
using Nija.GrainInterfaces.MarketData;
using Nija.Grains.Exchange;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Abstractions.Timers;
using Microsoft.Extensions.Options;

namespace Nija.Grains.MarketData;

/// <summary>
/// A symbol's price: simulated (seeded by the paper exchange seed and the symbol) or set by a replay.
/// With Nija:MarketData:StepInterval set, the simulated feed also steps by itself on a timer that
/// keeps the symbol active, so that its subscribers see prices move.
/// </summary>
[GrainType("marketdata")]
public sealed class MarketDataGrain(PaperExchangeOptions options, IOptions<MarketDataOptions> feed, TimeProvider time) : Grain, IMarketDataGrain
{
    private SimulatedPriceFeed? _feed;
    private decimal _last;
    private IAsyncStream<Tick>? _ticks;
    private CandleBuilder? _candles;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = GetPrimaryKeyString();
        _feed = new SimulatedPriceFeed(SimulatedPriceFeed.StartPrice(symbol), StableSeed.Of(options.Seed, symbol));
        _last = _feed.Price;
        _ticks = this.GetStreamProvider().GetStream<Tick>(new StreamId("ticks", symbol));
        _candles = new CandleBuilder(symbol);
        if (feed.Value.StepInterval > TimeSpan.Zero)
        {
            var every = feed.Value.StepInterval;
            RegisterGrainTimer(static (self, _) => self.StepOnceAsync(), this,
                new GrainTimerCreationOptions { DueTime = every, Period = every, KeepAlive = true });
        }

        return Task.CompletedTask;
    }

    Task<decimal> IMarketDataGrain.GetLastPrice() => Task.FromResult(_last);

    Task IMarketDataGrain.Publish(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        return PublishAsync(price, time.GetUtcNow());
    }

    async Task<decimal> IMarketDataGrain.Replay(ImmutableArray<PricePoint> series)
    {
        if (series.IsDefault || series.Any(p => p.Symbol != GetPrimaryKeyString() || p.Price <= 0))
        {
            throw new ArgumentException($"series must hold positive prices of {GetPrimaryKeyString()} only.", nameof(series));
        }

        foreach (var point in series)
        {
            await PublishAsync(point.Price, point.At);
        }

        return _last;
    }

    Task<ImmutableArray<Candle>> IMarketDataGrain.GetCandles(int count) =>
        Task.FromResult(_candles!.Candles.TakeLast(Math.Clamp(count, 0, 1_440)).ToImmutableArray());

    async Task<decimal> IMarketDataGrain.Step(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            await PublishAsync(_feed!.Next(), time.GetUtcNow());
        }

        return _last;
    }

    private Task StepOnceAsync() => PublishAsync(_feed!.Next(), time.GetUtcNow());

    private async Task PublishAsync(decimal price, DateTimeOffset at)
    {
        _last = price;
        _candles!.Add(price, at);
        await _ticks!.PublishAsync(new Tick(GetPrimaryKeyString(), price, at));
    }
}
