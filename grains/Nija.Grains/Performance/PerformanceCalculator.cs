using System.Collections.Immutable;
using Nija.GrainInterfaces.History;

namespace Nija.Grains.Performance;

/// <summary>Computes a <see cref="PerformanceSummary"/>.</summary>
public static class PerformanceCalculator
{
    /// <summary>
    /// From closed trades' P&amp;L and the equity curve. Sharpe and Sortino use daily returns (the last
    /// equity of each UTC day), annualised with √365 (crypto trades every day); zero under two days.
    /// </summary>
    public static PerformanceSummary Compute(IReadOnlyList<decimal> tradePnls, IReadOnlyList<(DateTimeOffset At, decimal Equity)> equity, decimal volume)
    {
        ArgumentNullException.ThrowIfNull(tradePnls);
        ArgumentNullException.ThrowIfNull(equity);
        var wins = tradePnls.Where(p => p > 0).Sum();
        var losses = -tradePnls.Where(p => p < 0).Sum();
        var peak = decimal.MinValue;
        var maxDrawdown = 0m;
        foreach (var (_, e) in equity)
        {
            peak = Math.Max(peak, e);
            maxDrawdown = Math.Max(maxDrawdown, peak <= 0 ? 0 : (peak - e) / peak * 100m);
        }

        var daily = equity.GroupBy(p => DateOnly.FromDateTime(p.At.UtcDateTime)).OrderBy(g => g.Key).Select(g => (double)g.Last().Equity).ToImmutableArray();
        var returns = daily.Zip(daily.Skip(1), (a, b) => a == 0 ? 0 : (b - a) / a).ToArray();
        return new PerformanceSummary(
            tradePnls.Count,
            tradePnls.Count == 0 ? 0 : Math.Round(100m * tradePnls.Count(p => p > 0) / tradePnls.Count, 2),
            equity.Count == 0 ? 0 : equity[^1].Equity - equity[0].Equity,
            volume,
            losses == 0 ? null : Math.Round(wins / losses, 4), // no losing trade: undefined, not infinite
            tradePnls.Count == 0 ? 0 : Math.Round(tradePnls.Average(), 8),
            Math.Round(maxDrawdown, 4),
            Annualised(returns, Math.Sqrt(returns.Length == 0 ? 0 : returns.Sum(r => (r - returns.Average()) * (r - returns.Average())) / returns.Length)),
            Annualised(returns, Math.Sqrt(returns.Length == 0 ? 0 : returns.Sum(r => Math.Min(r, 0) * Math.Min(r, 0)) / returns.Length)));
    }

    // Sharpe: mean over the standard deviation; Sortino: mean over the downside deviation (losses only, over all days).
    private static double Annualised(double[] returns, double deviation) =>
        returns.Length < 2 || deviation == 0 ? 0 : Math.Round(returns.Average() / deviation * Math.Sqrt(365), 4);
}
