using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Activation;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Persistence;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: JSON in a named <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IPersistentStateLoader
{
    private readonly StateKey _key;
    private readonly IGrainStorage _storage;
    private readonly JsonTypeInfo<TState> _typeInfo;
    private readonly ActivationData _owner;
    private long? _version;

    public PersistentState(StateKey key, IGrainStorage storage, RuntimeSerializer serializer, ActivationData owner)
    {
        _key = key;
        _storage = storage;
        _owner = owner;
        _typeInfo = serializer.StateTypeInfo<TState>();
        State = NewState();
    }

    public TState State { get; set; }

    public string? Etag => _version?.ToString(CultureInfo.InvariantCulture);

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _storage.ReadAsync(_key, cancellationToken);
        _version = stored?.Version;
        RecordExists = stored?.Payload is not null;
        State = stored?.Payload is { } payload ? JsonSerializer.Deserialize(payload, _typeInfo) ?? NewState() : NewState();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(State, _typeInfo);
        try
        {
            _version = await _storage.WriteAsync(_key, payload, _version, cancellationToken);
            RecordExists = true;
        }
        catch (InconsistentStateException)
        {
            Reload();
            throw;
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            _version = await _storage.ClearAsync(_key, _version, cancellationToken);
            RecordExists = false;
            State = NewState();
        }
        catch (InconsistentStateException)
        {
            Reload();
            throw;
        }
    }

    // The state in memory is stale: drop the activation so that the next call reads it afresh.
    private void Reload() => _ = _owner.RequestDeactivation(new DeactivationReason(
        DeactivationReasonCode.InconsistentState, $"State '{_key.StateName}' was stale; the next call reloads it."));

    private TState NewState() => _typeInfo.CreateObject is { } create ? (TState)create() : Activator.CreateInstance<TState>();
}
