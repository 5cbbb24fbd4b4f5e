namespace Nija.Runtime.Abstractions.Reminders;

/// <summary>What a reminder tick knows about its schedule.</summary>
/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">The period between ticks.</param>
/// <param name="CurrentTickTime">The time this tick was due (not when it ran).</param>
public sealed record TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
