using Nija.GrainInterfaces.Backtests;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Strategies;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.Backtests;

/// <summary>Runs backtests off the order path: a stateless worker, so several run at once.</summary>
[GrainType("backtest")]
[StatelessWorker]
public sealed class BacktestGrain(BacktestEngine engine, TimeProvider time) : Grain, IBacktestGrain
{
    private const int MaxPrices = 500_000;

    Task<BacktestReport> IBacktestGrain.Run(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = StrategyCatalog.Create(request.Strategy);
        if (request.Series is null && request.Steps is < 20 or > MaxPrices)
        {
            throw new ArgumentException($"steps must be between 20 and {MaxPrices}.", "steps");
        }

        if (request.Series is { } s && (s.Length is 0 or > MaxPrices || s.Any(p => p.Price <= 0)))
        {
            throw new ArgumentException($"series must hold 1 to {MaxPrices} positive prices.", "series");
        }

        var series = request.Series is { } given
            ? given
            : PriceSeries.Simulated(request.Symbol, request.Steps, request.Seed, time.GetUtcNow());
        return Task.FromResult(engine.Run(strategy, series, UserSettings.Default));
    }
}
