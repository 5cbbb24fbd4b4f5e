using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.MarketData;

/// <summary>
/// One symbol's market data (key: the symbol, such as "BTC-USD"): the last price, moved by the
/// simulated feed or set by a replay, and published as ticks on the stream ("ticks", symbol).
/// </summary>
public interface IMarketDataGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<decimal> GetLastPrice();

    /// <summary>Sets the price (a replay, a test) and publishes the tick.</summary>
    Task Publish(decimal price);

    /// <summary>Replays recorded prices (a CSV series) in order, each published as a tick with its own time; returns the last price.</summary>
    Task<decimal> Replay(System.Collections.Immutable.ImmutableArray<Backtests.PricePoint> series);

    /// <summary>The most recent one-minute candles, oldest first (at most a day is kept).</summary>
    [ReadOnly]
    Task<System.Collections.Immutable.ImmutableArray<Candle>> GetCandles(int count);

    /// <summary>Moves the simulated feed <paramref name="steps"/> steps and publishes each tick; returns the last price.</summary>
    Task<decimal> Step(int steps);
}
