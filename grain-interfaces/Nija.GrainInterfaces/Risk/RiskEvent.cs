namespace Nija.GrainInterfaces.Risk;

/// <summary>A blocked or forced action: who, what, which rule, with which values.</summary>
/// <param name="UserId">The tenant.</param>
/// <param name="Rule">The rule's name, such as "MaxConcurrentPositions".</param>
/// <param name="Detail">What was blocked and the values compared.</param>
/// <param name="At">When.</param>
public sealed record RiskEvent(string UserId, string Rule, string Detail, DateTimeOffset At);
