namespace Nija.Runtime.Cluster;

/// <summary>
/// Where a deployment's silos are recorded (PostgreSQL in production). Every status change is an
/// optimistic update of one row that also advances the table version, in one transaction.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Every row of the deployment and the table version.</summary>
    Task<MembershipSnapshot> ReadAllAsync(string serviceId, CancellationToken cancellationToken);

    /// <summary>Adds a new silo incarnation; false if it is already there.</summary>
    Task<bool> InsertAsync(string serviceId, MembershipEntry entry, CancellationToken cancellationToken);

    /// <summary>Writes status and suspicions if the row still has <paramref name="expectedEtag"/>; false if someone else changed it first.</summary>
    Task<bool> TryUpdateAsync(string serviceId, MembershipEntry entry, long expectedEtag, CancellationToken cancellationToken);

    /// <summary>Records that the silo is alive and how many activations it holds (does not change the table version).</summary>
    Task HeartbeatAsync(string serviceId, SiloAddress silo, DateTimeOffset at, int activations, CancellationToken cancellationToken);
}
