namespace Nija.Runtime.Abstractions.Persistence;

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime
/// injects the state, read from storage before OnActivateAsync.
/// </summary>
/// <param name="stateName">The state's name, unique within the grain.</param>
/// <param name="storageName">The storage provider; null for the default one.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider name, or null for the default.</summary>
    public string? StorageName { get; } = storageName;
}
