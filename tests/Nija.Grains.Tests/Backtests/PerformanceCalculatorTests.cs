using Nija.Grains.Performance;

namespace Nija.Grains.Tests.Backtests;

public sealed class PerformanceCalculatorTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Win_rate_profit_factor_and_expectancy_follow_from_the_trades()
    {
        var stats = PerformanceCalculator.Compute([10m, -5m, 20m, -5m], [(Day0, 100m), (Day0.AddHours(1), 120m)], 1_000m);

        Assert.Equal((4, 50m, 3m, 5m, 20m), (stats.Trades, stats.WinRatePct, stats.ProfitFactor!.Value, stats.Expectancy, stats.TotalPnl));
    }

    [Fact]
    public void Max_drawdown_is_the_deepest_fall_from_a_running_peak()
    {
        var curve = new[] { 100m, 120m, 90m, 130m, 117m }.Select((e, i) => (Day0.AddMinutes(i), e)).ToList();

        Assert.Equal(25m, PerformanceCalculator.Compute([], curve, 0).MaxDrawdownPct);
    }

    [Fact]
    public void Sharpe_and_sortino_use_daily_returns_annualised_with_the_square_root_of_365()
    {
        // Daily equity 100, 110, 99, 108.9: returns +10 %, -10 %, +10 %.
        var curve = new[] { 100m, 110m, 99m, 108.9m }.Select((e, i) => (Day0.AddDays(i), e)).ToList();
        var stats = PerformanceCalculator.Compute([], curve, 0);

        var mean = (0.1 - 0.1 + 0.1) / 3;
        var sd = Math.Sqrt((2 * Math.Pow(0.1 - mean, 2) + Math.Pow(-0.1 - mean, 2)) / 3);
        var downside = Math.Sqrt(0.01 / 3);
        Assert.Equal(Math.Round(mean / sd * Math.Sqrt(365), 4), stats.Sharpe, 4);
        Assert.Equal(Math.Round(mean / downside * Math.Sqrt(365), 4), stats.Sortino, 4);
    }

    [Fact]
    public void Without_a_losing_trade_the_profit_factor_is_undefined_not_infinite()
    {
        Assert.Null(PerformanceCalculator.Compute([5m], [], 0).ProfitFactor);
    }
}
