namespace Nija.GrainInterfaces.Trading;

/// <summary>One UTC day's metered usage: API calls answered and trades counted.</summary>
public sealed record UsageDay(DateOnly Day, long ApiCalls, int Trades);
