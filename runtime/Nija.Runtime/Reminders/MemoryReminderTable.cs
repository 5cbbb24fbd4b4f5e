using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Reminders;

/// <summary>In-memory reminder table for tests: durable only as long as the instance lives.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, GrainId, string), ReminderEntry> _rows = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(string serviceId, uint begin, uint end, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(
                [.. _rows.Values.Where(r => r.ServiceId == serviceId && r.GrainHash >= begin && r.GrainHash <= end)]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(string serviceId, GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(
                [.. _rows.Values.Where(r => r.ServiceId == serviceId && r.GrainId == grainId)]);
        }
    }

    /// <inheritdoc />
    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _rows[(entry.ServiceId, entry.GrainId, entry.Name)] = entry;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string serviceId, GrainId grainId, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Remove((serviceId, grainId, name)));
        }
    }
}
