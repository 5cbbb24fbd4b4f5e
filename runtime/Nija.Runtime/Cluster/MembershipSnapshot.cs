namespace Nija.Runtime.Cluster;

/// <summary>
/// The membership table as read at one moment. <see cref="Version"/> grows with every status change,
/// so two silos holding the same version hold the same view (and the same hash ring).
/// </summary>
/// <param name="Version">The table version.</param>
/// <param name="Entries">Every row of this deployment.</param>
public sealed record MembershipSnapshot(long Version, IReadOnlyList<MembershipEntry> Entries)
{
    /// <summary>The empty view a silo starts from.</summary>
    public static MembershipSnapshot Empty { get; } = new(0, []);

    /// <summary>The silos that own grains, in a stable order.</summary>
    public IReadOnlyList<SiloAddress> Active { get; } =
        [.. Entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).OrderBy(s => s.Endpoint, StringComparer.Ordinal).ThenBy(s => s.Generation)];

    /// <summary>The row of <paramref name="silo"/>, if any.</summary>
    public MembershipEntry? Find(SiloAddress silo) => Entries.FirstOrDefault(e => e.Silo == silo);
}
