using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Reminders;

/// <summary>
/// Durable reminder storage, unique on (service, grain, name). Providers: in-memory, SQLite,
/// PostgreSQL, sharing one conformance suite. Reads by hash range let a cluster split the work.
/// </summary>
public interface IReminderTable
{
    /// <summary>Reminders whose grain hash lies in [<paramref name="begin"/>, <paramref name="end"/>].</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(string serviceId, uint begin, uint end, CancellationToken cancellationToken);

    /// <summary>The grain's reminders.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(string serviceId, GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder; durable when the task completes.</summary>
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes a reminder; false when there was none.</summary>
    Task<bool> RemoveAsync(string serviceId, GrainId grainId, string name, CancellationToken cancellationToken);
}
