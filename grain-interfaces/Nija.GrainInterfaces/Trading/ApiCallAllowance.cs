namespace Nija.GrainInterfaces.Trading;

/// <summary>Whether one more API call fits the plan, which limit stopped it if not, and when that limit resets.</summary>
public sealed record ApiCallAllowance(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetsAt, string? ExceededLimit = null);
