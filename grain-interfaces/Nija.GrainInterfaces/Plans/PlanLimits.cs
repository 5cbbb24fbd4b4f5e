namespace Nija.GrainInterfaces.Plans;

/// <summary>A plan as data: its prices and limits.</summary>
public sealed record PlanLimits(
    PlanTier Tier,
    decimal MonthlyPriceUsd,
    decimal YearlyPriceUsd,
    int MaxPositions,
    int MaxBrokers,
    int MaxDailyTrades,
    decimal MaxPositionSizeUsd,
    int ApiCallsPerMinute,
    bool LiveTradingAllowed);
