namespace Nija.Runtime.Persistence;

/// <summary>
/// A grain state store with optimistic concurrency. Providers: in-memory, SQLite, PostgreSQL; all
/// pass the same conformance suite. A write or clear whose expected version is not the stored
/// one throws <see cref="Abstractions.Persistence.InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored record, or null when none was ever written.</summary>
    Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the payload if the stored version is <paramref name="expectedVersion"/> (null: no
    /// record may exist). Completes once durable; returns the new version. The storage may read
    /// <paramref name="payload"/> until the task completes, so the caller leaves it unchanged till then.
    /// </summary>
    Task<long> WriteAsync(StateKey key, ReadOnlyMemory<byte> payload, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Clears the record (keeping a tombstone with a new version) if the stored version is
    /// <paramref name="expectedVersion"/>; returns the new version, or null when no record existed.
    /// </summary>
    Task<long?> ClearAsync(StateKey key, long? expectedVersion, CancellationToken cancellationToken);
}
