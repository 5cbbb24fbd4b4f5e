namespace Nija.GrainInterfaces.History;

/// <summary>A tenant's trading statistics from the full history (not just what the grain keeps).</summary>
public sealed record UserStats(
    int Trades,
    decimal WinRatePct,
    decimal RealizedPnl,
    decimal Volume,
    decimal? ProfitFactor,
    decimal Expectancy,
    decimal MaxDrawdownPct,
    double Sharpe,
    double Sortino);
