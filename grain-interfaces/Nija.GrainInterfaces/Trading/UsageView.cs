using Nija.GrainInterfaces.Plans;

namespace Nija.GrainInterfaces.Trading;

/// <summary>What a user has used of the plan's limits today and this minute.</summary>
public sealed record UsageView(PlanTier Plan, int TradesToday, int MaxDailyTrades, int CallsThisMinute, int ApiCallsPerMinute, int OpenPositions, int MaxPositions);
