using System.Reflection;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Placement;

namespace Nija.Runtime.Metadata;

/// <summary>What the runtime knows about one grain class.</summary>
public sealed class GrainClassMetadata
{
    internal GrainClassMetadata(Type classType)
    {
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(classType);
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        StatelessWorkerMax = classType.GetCustomAttribute<StatelessWorkerAttribute>()?.MaxLocalWorkers;
        AgeLimit = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.AgeLimit;
        Placement = classType.GetCustomAttribute<PlacementAttribute>()?.Strategy ?? PlacementStrategy.HashBased;
        GrainInterfaces = [.. classType.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain) && !IsKeyMarker(i))];
    }

    /// <summary>The grain class.</summary>
    public Type ClassType { get; }

    /// <summary>The stable grain type name used in ids, storage keys and reminders.</summary>
    public string GrainType { get; }

    /// <summary>Whether the class is [Reentrant].</summary>
    public bool IsReentrant { get; }

    /// <summary>The most local activations per id for a [StatelessWorker], else null.</summary>
    public int? StatelessWorkerMax { get; }

    /// <summary>Where a cluster places the grain's activation (hash-based unless the class names another strategy).</summary>
    public PlacementStrategy Placement { get; }

    /// <summary>Whether the grain directory records where its activation lives (every strategy but the hash ring; never a stateless worker, which is always local).</summary>
    public bool UsesDirectory => Placement != PlacementStrategy.HashBased && StatelessWorkerMax is null;

    /// <summary>The [CollectionAgeLimit], if any (configuration may override it).</summary>
    public TimeSpan? AgeLimit { get; }

    /// <summary>The grain interfaces the class implements.</summary>
    public IReadOnlyList<Type> GrainInterfaces { get; }

    internal static bool IsKeyMarker(Type i) =>
        i == typeof(IGrainWithStringKey) || i == typeof(IGrainWithGuidKey) || i == typeof(IGrainWithIntegerKey);

    private static string DefaultName(Type t)
    {
        var name = t.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5)
        {
            name = name[..^5];
        }

        return name.ToLowerInvariant();
    }
}
