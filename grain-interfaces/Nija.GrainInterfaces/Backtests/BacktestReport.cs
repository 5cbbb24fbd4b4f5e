using System.Collections.Immutable;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Backtests;

/// <summary>A backtest's outcome: the statistics, the equity curve and every fill.</summary>
public sealed record BacktestReport(
    string Strategy,
    int Prices,
    PerformanceSummary Stats,
    ImmutableArray<EquityPoint> Equity,
    ImmutableArray<BacktestFill> Fills);

/// <summary>Equity at a time.</summary>
public sealed record EquityPoint(DateTimeOffset At, decimal Equity);

/// <summary>A fill with its order's side and symbol.</summary>
public sealed record BacktestFill(string Symbol, OrderSide Side, Fill Fill);
