using System.Reflection;

namespace Nija.Runtime.Metadata;

/// <summary>One grain interface bound to one grain class: the table a grain reference dispatches through.</summary>
internal sealed class InterfaceBinding
{
    private readonly Dictionary<MethodInfo, GrainMethodMetadata> _methods = [];

    public InterfaceBinding(Type grainInterface, GrainClassMetadata grainClass, Serialization.Copier copier, Metrics.GrainMethodStatsTable stats)
    {
        Interface = grainInterface;
        GrainClass = grainClass;
        foreach (var itf in new[] { grainInterface }.Concat(grainInterface.GetInterfaces()))
        {
            foreach (var m in itf.GetMethods())
            {
                _methods[m] = new GrainMethodMetadata(m, grainClass, copier, stats);
            }
        }
    }

    public Type Interface { get; }

    public GrainClassMetadata GrainClass { get; }

    public IEnumerable<GrainMethodMetadata> Methods => _methods.Values;

    public GrainMethodMetadata GetMethod(MethodInfo method) =>
        _methods.TryGetValue(method, out var m)
            ? m
            : throw new InvalidOperationException($"{method.DeclaringType}.{method.Name} is not a method of {Interface}.");
}
