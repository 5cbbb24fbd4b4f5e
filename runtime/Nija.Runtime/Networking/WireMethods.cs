using System.Collections.Concurrent;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Networking;

/// <summary>
/// Finds the method a request names by (grain type, wire id), built once per grain type from the
/// interfaces its class implements. Two methods of one class with the same id fail loudly at first use.
/// </summary>
internal sealed class WireMethods(GrainTypeRegistry registry)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<uint, GrainMethodMetadata>> _byType = new(StringComparer.Ordinal);

    public GrainMethodMetadata Find(string grainType, uint wireId) =>
        _byType.GetOrAdd(grainType, Build).TryGetValue(wireId, out var method)
            ? method
            : throw new InvalidDataException($"Grain type '{grainType}' has no method with wire id {wireId}; are the silos running the same contracts?");

    private Dictionary<uint, GrainMethodMetadata> Build(string grainType)
    {
        var cls = registry.GetClass(grainType);
        var methods = new Dictionary<uint, GrainMethodMetadata>();
        foreach (var itf in cls.GrainInterfaces)
        {
            foreach (var method in registry.GetBinding(itf, grainType).Methods)
            {
                if (methods.TryGetValue(method.WireId, out var other) && other.Method != method.Method)
                {
                    throw new InvalidOperationException($"{method.Name} and {other.Name} of '{grainType}' share wire id {method.WireId}.");
                }

                methods[method.WireId] = method;
            }
        }

        return methods;
    }
}
