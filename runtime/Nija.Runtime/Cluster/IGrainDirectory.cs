using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Cluster;

/// <summary>
/// Where the activations of grains that are not hash-placed live (random, prefer-local and
/// activation-count placement). Registration is first-wins: an entry is replaced only when its silo
/// is no longer alive in the membership table, or by the same silo, so a grain has one activation.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The registered location, or null when the grain has none.</summary>
    Task<GrainLocation?> LookupAsync(string serviceId, GrainId grain, CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="location"/> unless a live silo already holds the grain; returns the
    /// location that holds it afterwards (the caller's on success, the earlier one otherwise).
    /// </summary>
    Task<GrainLocation> RegisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken);

    /// <summary>Removes the entry if it still names <paramref name="location"/> (a newer registration is left alone).</summary>
    Task UnregisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken);

    /// <summary>Removes every entry of <paramref name="silo"/> (it left); returns how many.</summary>
    Task<int> UnregisterSiloAsync(string serviceId, SiloAddress silo, CancellationToken cancellationToken);
}
