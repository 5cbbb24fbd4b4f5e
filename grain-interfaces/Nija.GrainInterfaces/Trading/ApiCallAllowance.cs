namespace Nija.GrainInterfaces.Trading;

/// <summary>Whether one more API call fits the plan's per-minute limit, and when the window resets.</summary>
public sealed record ApiCallAllowance(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetsAt);
