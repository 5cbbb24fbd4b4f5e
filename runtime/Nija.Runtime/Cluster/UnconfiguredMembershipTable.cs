namespace Nija.Runtime.Cluster;

/// <summary>Stands in until a store provides the membership table, and says what is missing if a cluster needs it.</summary>
internal sealed class UnconfiguredMembershipTable : IMembershipTable
{
    private const string Missing = "Nija:Cluster:Enabled is true but no membership table is configured: a cluster keeps membership in PostgreSQL (Nija:Storage:Provider = PostgreSql).";

    public Task InitializeAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task<MembershipSnapshot> ReadAllAsync(string serviceId, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task<bool> InsertAsync(string serviceId, MembershipEntry entry, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task<bool> TryUpdateAsync(string serviceId, MembershipEntry entry, long expectedEtag, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);

    public Task HeartbeatAsync(string serviceId, SiloAddress silo, DateTimeOffset at, int activations, CancellationToken cancellationToken) => throw new InvalidOperationException(Missing);
}
