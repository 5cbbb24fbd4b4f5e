using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Reminders;

/// <summary>A stored reminder.</summary>
/// <param name="ServiceId">The deployment.</param>
/// <param name="GrainId">The grain it reminds.</param>
/// <param name="Name">Unique per grain.</param>
/// <param name="StartAt">The first tick; later ticks fall at StartAt + n × Period.</param>
/// <param name="Period">At least one minute.</param>
public sealed record ReminderEntry(string ServiceId, GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period)
{
    /// <summary>The grain's position on the hash ring, by which a cluster splits reminders between silos.</summary>
    public uint GrainHash => StableHash.Of(GrainId);
}
