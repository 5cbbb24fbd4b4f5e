namespace Nija.Runtime.Abstractions.Persistence;

/// <summary>
/// A grain's persistent state. Writes use optimistic concurrency: a write whose <see cref="Etag"/>
/// is no longer the stored one throws <see cref="InconsistentStateException"/> and the activation
/// is deactivated, so that the next call starts from the stored state.
/// </summary>
/// <typeparam name="TState">The state type; serialized with System.Text.Json.</typeparam>
public interface IPersistentState<TState>
{
    /// <summary>The state. A new instance when none is stored.</summary>
    TState State { get; set; }

    /// <summary>The stored version this state was read at or last written as; null when nothing was ever stored.</summary>
    string? Etag { get; }

    /// <summary>Whether a record is stored (false before the first write and after a clear).</summary>
    bool RecordExists { get; }

    /// <summary>Reads the state from storage, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/>; completes once the write is durable.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Clears the stored state and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
