namespace Nija.GrainInterfaces.History;

/// <summary>
/// The figures traders compare by: trades, win rate, P&amp;L, volume, profit factor (null when no
/// trade lost), expectancy, maximum drawdown of the equity curve, Sharpe and Sortino of daily returns.
/// </summary>
public sealed record PerformanceSummary(
    int Trades,
    decimal WinRatePct,
    decimal TotalPnl,
    decimal Volume,
    decimal? ProfitFactor,
    decimal Expectancy,
    decimal MaxDrawdownPct,
    double Sharpe,
    double Sortino);
