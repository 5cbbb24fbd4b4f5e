using Nija.GrainInterfaces.MarketData;
using Nija.Grains.Exchange;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.MarketData;

/// <summary>A symbol's price: simulated (seeded by the paper exchange seed and the symbol) or set by a replay.</summary>
[GrainType("marketdata")]
public sealed class MarketDataGrain(PaperExchangeOptions options, TimeProvider time) : Grain, IMarketDataGrain
{
    private SimulatedPriceFeed? _feed;
    private decimal _last;
    private IAsyncStream<Tick>? _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = GetPrimaryKeyString();
        _feed = new SimulatedPriceFeed(SimulatedPriceFeed.StartPrice(symbol), StableSeed.Of(options.Seed, symbol));
        _last = _feed.Price;
        _ticks = this.GetStreamProvider().GetStream<Tick>(new StreamId("ticks", symbol));
        return Task.CompletedTask;
    }

    Task<decimal> IMarketDataGrain.GetLastPrice() => Task.FromResult(_last);

    async Task IMarketDataGrain.Publish(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        _last = price;
        await _ticks!.PublishAsync(new Tick(GetPrimaryKeyString(), price, time.GetUtcNow()));
    }

    async Task<decimal> IMarketDataGrain.Step(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            _last = _feed!.Next();
            await _ticks!.PublishAsync(new Tick(GetPrimaryKeyString(), _last, time.GetUtcNow()));
        }

        return _last;
    }
}
