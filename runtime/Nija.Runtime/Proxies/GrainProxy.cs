using System.Reflection;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Proxies;

/// <summary>
/// The base of every grain reference: a <see cref="DispatchProxy"/> that turns an interface call
/// into a message. It holds the grain's identity and the binding's method table, nothing else.
/// </summary>
public class GrainProxy : DispatchProxy, IGrainReference
{
    private InterfaceBinding _binding = null!;
    private GrainCallInvoker _invoker = null!;

    /// <inheritdoc />
    public GrainId GrainId { get; private set; }

    /// <inheritdoc />
    public Type InterfaceType => _binding.Interface;

    internal void Initialize(GrainId id, InterfaceBinding binding, GrainCallInvoker invoker)
    {
        GrainId = id;
        _binding = binding;
        _invoker = invoker;
    }

    /// <summary>
    /// A reference of the same generated proxy type to another grain. Creating a proxy through
    /// DispatchProxy looks its generated type up and constructs it by reflection on every call; a
    /// shallow copy of one made before is a plain allocation (the generated fields it copies are the
    /// type's shared method table).
    /// </summary>
    internal GrainProxy CopyFor(GrainId id, InterfaceBinding binding, GrainCallInvoker invoker)
    {
        var copy = (GrainProxy)MemberwiseClone();
        copy.Initialize(id, binding, invoker);
        return copy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _invoker.Invoke(GrainId, _binding.GetMethod(targetMethod!), args ?? []);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainProxy other && other.GrainId == GrainId && other.InterfaceType == InterfaceType;

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
