using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Runtime.Persistence;

/// <summary>The one wording of a version conflict, shared by every provider.</summary>
public static class StorageConflicts
{
    /// <summary>The exception for a stale write or clear of <paramref name="key"/>.</summary>
    public static InconsistentStateException Stale(StateKey key, long? expected, long? stored) =>
        new($"State '{key.StateName}' of grain {key.GrainType}/{key.GrainKey} was written by someone else: " +
            $"expected version {Show(expected)}, found {Show(stored)}.", Show(stored), Show(expected));

    private static string Show(long? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
