using System.Collections.Concurrent;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Metrics;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Metadata;

/// <summary>
/// Maps grain interfaces to grain classes and grain type names to classes, and holds the
/// per-method metadata (invokers, copiers, flags) built once per interface and class.
/// </summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainClassMetadata> _byGrainType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainClassMetadata> _byInterface = [];
    private readonly ConcurrentDictionary<(Type Interface, string GrainType), InterfaceBinding> _bindings = new();
    private readonly Copier _copier;
    private readonly GrainMethodStatsTable _stats;

    internal GrainTypeRegistry(IEnumerable<Type> candidates, Copier copier, GrainMethodStatsTable stats)
    {
        _copier = copier;
        _stats = stats;
        var ambiguous = new HashSet<Type>();
        foreach (var type in candidates.Distinct())
        {
            if (!type.IsClass || type.IsAbstract || !typeof(Grain).IsAssignableFrom(type) || !typeof(IGrain).IsAssignableFrom(type))
            {
                continue;
            }

            var meta = new GrainClassMetadata(type);
            if (!_byGrainType.TryAdd(meta.GrainType, meta))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_byGrainType[meta.GrainType].ClassType} and {type} share the grain type name '{meta.GrainType}'; give one a [GrainType].");
            }

            foreach (var itf in meta.GrainInterfaces)
            {
                if (!_byInterface.TryAdd(itf, meta))
                {
                    ambiguous.Add(itf);
                }
            }
        }

        // An interface implemented by several classes (IRemindable, say) can only be reached with a full GrainId.
        foreach (var itf in ambiguous)
        {
            _byInterface.Remove(itf);
        }
    }

    /// <summary>All grain classes.</summary>
    public IEnumerable<GrainClassMetadata> Classes => _byGrainType.Values;

    /// <summary>The class for a grain type name.</summary>
    /// <exception cref="InvalidOperationException">No grain class has that name.</exception>
    public GrainClassMetadata GetClass(string grainType) =>
        _byGrainType.TryGetValue(grainType, out var meta)
            ? meta
            : throw new InvalidOperationException($"No grain class is registered for grain type '{grainType}'.");

    /// <summary>The one class implementing a grain interface.</summary>
    /// <exception cref="InvalidOperationException">None or several classes implement it.</exception>
    public GrainClassMetadata GetClassForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var meta)
            ? meta
            : throw new InvalidOperationException(
                $"No single grain class implements {grainInterface}; register the grain's assembly or get the grain by its full GrainId.");

    internal InterfaceBinding GetBinding(Type grainInterface, string grainType) =>
        _bindings.GetOrAdd((grainInterface, grainType), static (k, self) =>
        {
            var meta = self.GetClass(k.GrainType);
            if (!k.Interface.IsAssignableFrom(meta.ClassType))
            {
                throw new InvalidOperationException($"Grain type '{k.GrainType}' ({meta.ClassType}) does not implement {k.Interface}.");
            }

            return new InterfaceBinding(k.Interface, meta, self._copier, self._stats);
        }, this);
}
