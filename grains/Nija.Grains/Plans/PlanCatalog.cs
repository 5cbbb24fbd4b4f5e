using System.Collections.Immutable;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Plans;

/// <summary>
/// The plans, as data: loaded from the plans file (<see cref="PlanCatalogLoader"/>), else the
/// built-in table from the platform specs. Yearly prices are about 20 % off twelve months; Alpha
/// users get Pro limits for free; Free is blocked at its quota rather than charged for overage.
/// </summary>
public sealed class PlanCatalog
{
    private readonly ImmutableDictionary<PlanTier, PlanLimits> _plans;

    public PlanCatalog(IEnumerable<PlanLimits> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        _plans = plans.ToImmutableDictionary(p => p.Tier);
        var missing = Enum.GetValues<PlanTier>().Where(t => !_plans.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The plan catalogue lacks {string.Join(", ", missing)}.", nameof(plans));
        }
    }

    /// <summary>The built-in table.</summary>
    public static PlanCatalog Default { get; } = new(
    [
        new PlanLimits(PlanTier.Free, 0m, 0m, MaxPositions: 3, MaxBrokers: 1, MaxDailyTrades: 10, MaxPositionSizeUsd: 100m, ApiCallsPerMinute: 10, LiveTradingAllowed: false,
            IncludedApiCalls: 10_000),
        new PlanLimits(PlanTier.Basic, 49m, 470m, 5, 2, 30, 500m, 30, true, IncludedApiCalls: 50_000, OverageApiCallUsd: 0.03m),
        new PlanLimits(PlanTier.Pro, 149m, 1430m, 10, 5, 100, 2_000m, 100, true, IncludedApiCalls: 250_000, OverageApiCallUsd: 0.02m),
        new PlanLimits(PlanTier.Enterprise, 499m, 4790m, 50, 20, 500, 10_000m, 500, true, IncludedApiCalls: 1_000_000, OverageApiCallUsd: 0.01m),
        new PlanLimits(PlanTier.Alpha, 0m, 0m, 10, 5, 100, 2_000m, 100, true, IncludedApiCalls: 250_000),
    ]);

    public IReadOnlyList<PlanLimits> All => [.. _plans.Values.OrderBy(p => p.Tier)];

    public PlanLimits For(PlanTier tier) => _plans[tier];

    /// <summary>The price of a plan for one interval.</summary>
    public decimal Price(PlanTier tier, BillingInterval interval) => interval == BillingInterval.Yearly ? _plans[tier].YearlyPriceUsd : _plans[tier].MonthlyPriceUsd;

    /// <summary>What a plan adds to monthly recurring revenue at an interval (a yearly price counts one twelfth).</summary>
    public decimal MonthlyRecurring(PlanTier tier, BillingInterval interval) =>
        interval == BillingInterval.Yearly ? decimal.Round(_plans[tier].YearlyPriceUsd / 12m, 2) : _plans[tier].MonthlyPriceUsd;

    /// <summary>The plan and interval of a Stripe price id, or null.</summary>
    public (PlanTier Tier, BillingInterval Interval)? OfStripePrice(string? priceId) =>
        priceId is null ? null
        : _plans.Values.FirstOrDefault(p => p.StripeMonthlyPriceId == priceId) is { } monthly ? (monthly.Tier, BillingInterval.Monthly)
        : _plans.Values.FirstOrDefault(p => p.StripeYearlyPriceId == priceId) is { } yearly ? (yearly.Tier, BillingInterval.Yearly)
        : null;
}
