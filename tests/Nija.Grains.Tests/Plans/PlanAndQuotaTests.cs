using Nija.GrainInterfaces.Plans;
using Nija.Grains.Plans;

namespace Nija.Grains.Tests.Plans;

public sealed class PlanAndQuotaTests
{
    [Theory]
    [InlineData(PlanTier.Free, 0, 3, 10, 100, 10, false)]
    [InlineData(PlanTier.Basic, 49, 5, 30, 500, 30, true)]
    [InlineData(PlanTier.Pro, 149, 10, 100, 2000, 100, true)]
    [InlineData(PlanTier.Enterprise, 499, 50, 500, 10000, 500, true)]
    [InlineData(PlanTier.Alpha, 0, 10, 100, 2000, 100, true)]
    public void The_default_plans_match_the_platform_specs(PlanTier tier, int monthly, int positions, int trades, int maxSize, int calls, bool live)
    {
        var p = PlanCatalog.Default.For(tier);
        Assert.Equal((monthly, positions, trades, maxSize, calls, live),
            ((int)p.MonthlyPriceUsd, p.MaxPositions, p.MaxDailyTrades, (int)p.MaxPositionSizeUsd, p.ApiCallsPerMinute, p.LiveTradingAllowed));
    }

    [Fact]
    public void Yearly_prices_are_about_twenty_percent_off()
    {
        foreach (var p in PlanCatalog.Default.All.Where(p => p.MonthlyPriceUsd > 0))
        {
            Assert.InRange(p.YearlyPriceUsd / (p.MonthlyPriceUsd * 12), 0.79m, 0.81m);
        }
    }

    [Fact]
    public void The_shipped_plans_file_loads_and_matches_the_built_in_table_apart_from_stripe_price_ids()
    {
        var file = Path.Combine(RepoRoot(), "api", "plans.json");

        var loaded = PlanCatalogLoader.Load(file);

        Assert.All(loaded.All, p => Assert.Equal(PlanCatalog.Default.For(p.Tier), p with { StripeMonthlyPriceId = null, StripeYearlyPriceId = null }));
        Assert.Equal((PlanTier.Pro, GrainInterfaces.Billing.BillingInterval.Yearly), loaded.OfStripePrice("price_nija_pro_yearly"));
    }

    [Fact]
    public void A_bad_plans_file_stops_the_start_naming_the_plan_and_field()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, File.ReadAllText(Path.Combine(RepoRoot(), "api", "plans.json")).Replace("\"yearlyPriceUsd\": 1430", "\"yearlyPriceUsd\": 9999", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => PlanCatalogLoader.Load(path));

        Assert.Contains("Pro.yearlyPriceUsd", error.Message, StringComparison.Ordinal);
    }

    private static string RepoRoot() => Nija.Tests.Shared.NodeScripts.RepoRoot();

    [Fact]
    public void The_daily_trade_count_resets_exactly_at_utc_midnight()
    {
        var quota = new UsageQuota();
        var lateEvening = new DateTimeOffset(2026, 5, 1, 23, 59, 59, 999, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(quota.TryCountTrade(lateEvening, 10));
        }

        Assert.False(quota.TryCountTrade(lateEvening, 10));
        Assert.True(quota.TryCountTrade(lateEvening.AddMilliseconds(1), 10));
    }

    [Fact]
    public void The_day_is_the_utc_day_whatever_the_callers_offset()
    {
        var quota = new UsageQuota();
        var localMorning = new DateTimeOffset(2026, 5, 2, 1, 0, 0, TimeSpan.FromHours(3)); // 22:00 UTC on May 1st
        Assert.True(quota.TryCountTrade(localMorning, 1));

        Assert.False(quota.TryCountTrade(new DateTimeOffset(2026, 5, 1, 23, 0, 0, TimeSpan.Zero), 1));
    }

    [Fact]
    public void The_per_minute_call_count_resets_at_the_minute_boundary_and_names_when()
    {
        var quota = new UsageQuota();
        var t = new DateTimeOffset(2026, 5, 1, 12, 30, 59, 500, TimeSpan.Zero);
        Assert.Equal(CallVerdict.Allowed, quota.TryCountCall(t, 2));
        Assert.Equal(CallVerdict.Allowed, quota.TryCountCall(t, 2));
        Assert.Equal(CallVerdict.PerMinuteLimit, quota.TryCountCall(t.AddMilliseconds(499), 2));

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 31, 0, TimeSpan.Zero), quota.MinuteWindowEnds(t));
        Assert.Equal(CallVerdict.Allowed, quota.TryCountCall(t.AddMilliseconds(500), 2));
    }

    [Fact]
    public void A_monthly_cap_blocks_until_the_calendar_month_turns()
    {
        var quota = new UsageQuota();
        var lastMinute = new DateTimeOffset(2026, 5, 31, 23, 59, 0, TimeSpan.Zero);

        Assert.Equal(CallVerdict.Allowed, quota.TryCountCall(lastMinute.AddMinutes(-2), 10, monthlyCap: 2));
        Assert.Equal(CallVerdict.Allowed, quota.TryCountCall(lastMinute.AddMinutes(-1), 10, monthlyCap: 2));
        Assert.Equal(CallVerdict.IncludedCallsUsed, quota.TryCountCall(lastMinute, 10, monthlyCap: 2));
        Assert.Equal(CallVerdict.Allowed, quota.TryCountCall(lastMinute.AddMinutes(1), 10, monthlyCap: 2));
        Assert.Equal(3, quota.Days.Values.Sum(d => d.ApiCalls));
    }
}
