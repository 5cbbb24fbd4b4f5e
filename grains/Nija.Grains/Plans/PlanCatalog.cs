using System.Collections.Immutable;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Plans;

/// <summary>
/// The plans from the platform specs. Yearly prices are about 20 % off twelve months. Alpha users
/// get Pro limits for free.
/// </summary>
public static class PlanCatalog
{
    public static ImmutableDictionary<PlanTier, PlanLimits> Defaults { get; } = new[]
    {
        new PlanLimits(PlanTier.Free, 0m, 0m, MaxPositions: 3, MaxBrokers: 1, MaxDailyTrades: 10, MaxPositionSizeUsd: 100m, ApiCallsPerMinute: 10, LiveTradingAllowed: false),
        new PlanLimits(PlanTier.Basic, 49m, 470m, 5, 2, 30, 500m, 30, true),
        new PlanLimits(PlanTier.Pro, 149m, 1430m, 10, 5, 100, 2_000m, 100, true),
        new PlanLimits(PlanTier.Enterprise, 499m, 4790m, 50, 20, 500, 10_000m, 500, true),
        new PlanLimits(PlanTier.Alpha, 0m, 0m, 10, 5, 100, 2_000m, 100, true),
    }.ToImmutableDictionary(p => p.Tier);

    public static PlanLimits For(PlanTier tier) => Defaults[tier];
}
