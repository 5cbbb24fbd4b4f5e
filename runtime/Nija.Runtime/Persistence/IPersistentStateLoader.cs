namespace Nija.Runtime.Persistence;

/// <summary>What the activation needs of each injected state: to read it before OnActivateAsync.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);
}
