namespace Nija.Runtime.Persistence;

/// <summary>In-memory grain storage for tests and demos: same semantics as the durable providers, gone with the process.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<StateKey, StoredState> _rows = [];

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task<long> WriteAsync(StateKey key, ReadOnlyMemory<byte> payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = _rows.GetValueOrDefault(key)?.Version;
            if (stored != expectedVersion)
            {
                return Task.FromException<long>(StorageConflicts.Stale(key, expectedVersion, stored));
            }

            var version = (stored ?? 0) + 1;
            _rows[key] = new StoredState(payload.ToArray(), version);
            return Task.FromResult(version);
        }
    }

    /// <inheritdoc />
    public Task<long?> ClearAsync(StateKey key, long? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = _rows.GetValueOrDefault(key)?.Version;
            if (stored != expectedVersion)
            {
                return Task.FromException<long?>(StorageConflicts.Stale(key, expectedVersion, stored));
            }

            if (stored is null)
            {
                return Task.FromResult<long?>(null);
            }

            _rows[key] = new StoredState(null, stored.Value + 1);
            return Task.FromResult<long?>(stored.Value + 1);
        }
    }
}
