using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Backtests;

/// <summary>
/// A backtest: a strategy over a series, either given (from a CSV the caller parsed) or simulated
/// (Steps one-minute prices of Symbol from the seeded feed).
/// </summary>
public sealed record BacktestRequest(
    string Strategy,
    string Symbol,
    ImmutableArray<PricePoint>? Series = null,
    int Steps = 1_440,
    int Seed = 7);
