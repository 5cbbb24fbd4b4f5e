using System.Collections.Concurrent;
using System.Reflection;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Proxies;

/// <summary>The silo's <see cref="IGrainFactory"/>: builds grain references; activates nothing.</summary>
public sealed class GrainReferenceFactory : IGrainFactory
{
    private static readonly MethodInfo CreateProxy = typeof(DispatchProxy).GetMethod(nameof(DispatchProxy.Create), 2, Type.EmptyTypes)!;
    private readonly ConcurrentDictionary<Type, GrainProxy> _prototypes = new();
    private readonly GrainTypeRegistry _registry;
    private readonly GrainCallInvoker _invoker;

    internal GrainReferenceFactory(GrainTypeRegistry registry, GrainCallInvoker invoker)
    {
        _registry = registry;
        _invoker = invoker;
    }

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return (TGrain)GetReference(typeof(TGrain), new GrainId(TypeOf<TGrain>(), key));
    }

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey =>
        (TGrain)GetReference(typeof(TGrain), GrainId.Create(TypeOf<TGrain>(), key));

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey =>
        (TGrain)GetReference(typeof(TGrain), GrainId.Create(TypeOf<TGrain>(), key));

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(GrainId id) where TGrain : IGrain => (TGrain)GetReference(typeof(TGrain), id);

    /// <summary>A reference to <paramref name="id"/> typed as <paramref name="grainInterface"/>.</summary>
    public object GetReference(Type grainInterface, GrainId id)
    {
        var binding = _registry.GetBinding(grainInterface, id.Type);
        var prototype = _prototypes.GetOrAdd(grainInterface, static itf =>
            (GrainProxy)CreateProxy.MakeGenericMethod(itf, typeof(GrainProxy)).Invoke(null, null)!);
        return prototype.CopyFor(id, binding, _invoker);
    }

    private string TypeOf<TGrain>() => _registry.GetClassForInterface(typeof(TGrain)).GrainType;
}
