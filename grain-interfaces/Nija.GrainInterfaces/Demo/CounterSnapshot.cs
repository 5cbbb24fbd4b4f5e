namespace Nija.GrainInterfaces.Demo;

/// <summary>A counter as seen by one call.</summary>
/// <param name="Value">The sum of the distinct increments.</param>
/// <param name="Ticks">Reminder ticks received.</param>
/// <param name="Silo">The silo the grain is active on.</param>
/// <param name="ActivationId">The activation that answered (changes when the grain moves).</param>
public sealed record CounterSnapshot(long Value, long Ticks, string Silo, string ActivationId);
