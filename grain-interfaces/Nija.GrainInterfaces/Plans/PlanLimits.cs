namespace Nija.GrainInterfaces.Plans;

/// <summary>A plan as data: its prices, limits, metered allowances and the provider's price ids.</summary>
/// <param name="Tier">Which plan.</param>
/// <param name="MonthlyPriceUsd">The price of a month.</param>
/// <param name="YearlyPriceUsd">The price of a year (about 20 % below twelve months).</param>
/// <param name="MaxPositions">Open positions at once.</param>
/// <param name="MaxBrokers">Broker accounts connected.</param>
/// <param name="MaxDailyTrades">Orders per UTC day.</param>
/// <param name="MaxPositionSizeUsd">The largest position.</param>
/// <param name="ApiCallsPerMinute">API calls per minute (429 beyond).</param>
/// <param name="LiveTradingAllowed">Whether orders may go to a real exchange.</param>
/// <param name="IncludedApiCalls">API calls included per billing period; beyond them each call costs <paramref name="OverageApiCallUsd"/>.</param>
/// <param name="OverageApiCallUsd">The price of a call over the included amount (0: the plan is blocked at its quota instead).</param>
/// <param name="StripeMonthlyPriceId">Stripe's price id for the monthly price (null: not sold through Stripe).</param>
/// <param name="StripeYearlyPriceId">Stripe's price id for the yearly price.</param>
public sealed record PlanLimits(
    PlanTier Tier,
    decimal MonthlyPriceUsd,
    decimal YearlyPriceUsd,
    int MaxPositions,
    int MaxBrokers,
    int MaxDailyTrades,
    decimal MaxPositionSizeUsd,
    int ApiCallsPerMinute,
    bool LiveTradingAllowed,
    long IncludedApiCalls = 0,
    decimal OverageApiCallUsd = 0m,
    string? StripeMonthlyPriceId = null,
    string? StripeYearlyPriceId = null);
