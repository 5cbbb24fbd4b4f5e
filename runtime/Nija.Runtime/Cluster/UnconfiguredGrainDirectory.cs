using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Cluster;

/// <summary>Stands in until a store provides the grain directory, and says what is missing if a cluster needs it.</summary>
internal sealed class UnconfiguredGrainDirectory : IGrainDirectory
{
    private const string Missing = "A grain with random, prefer-local or activation-count placement needs the grain directory, which a cluster keeps in PostgreSQL (Nija:Storage:Provider = PostgreSql).";

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<GrainLocation?> LookupAsync(string serviceId, GrainId grain, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task<GrainLocation> RegisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task UnregisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task<int> UnregisterSiloAsync(string serviceId, SiloAddress silo, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);
}
