using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Activation;

/// <summary>
/// Builds grain instances: picks the constructor once per class, then per activation fills its
/// parameters with the grain context, the grain factory, [PersistentState] states or services.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, RuntimeSerializer serializer, IOptions<SiloOptions> options)
{
    public const string DefaultStorage = "Default";

    private static readonly MethodInfo CreateStateMethod = typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly ConcurrentDictionary<Type, Plan> _plans = new();
    private readonly string _serviceId = options.Value.ServiceId;

    public (Grain Grain, IReadOnlyList<IPersistentStateLoader> States) Create(ActivationData activation)
    {
        var plan = _plans.GetOrAdd(activation.GrainClass.ClassType, BuildPlan);
        var args = new object?[plan.Parameters.Length];
        var states = new List<IPersistentStateLoader>();
        for (var i = 0; i < args.Length; i++)
        {
            var p = plan.Parameters[i];
            if (p.State is { } attr)
            {
                var storageName = attr.StorageName ?? DefaultStorage;
                var storage = services.GetKeyedService<IGrainStorage>(storageName)
                    ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is configured (grain {activation.GrainId}).");
                var key = new StateKey(_serviceId, activation.GrainId.Type, activation.GrainId.Key, attr.StateName);
                var state = p.CreateState!(key, storage, serializer, activation);
                states.Add(state);
                args[i] = state;
            }
            else if (p.Type == typeof(IGrainContext))
            {
                args[i] = activation;
            }
            else if (p.Type == typeof(IGrainFactory))
            {
                args[i] = activation.GrainFactory;
            }
            else
            {
                args[i] = services.GetRequiredService(p.Type);
            }
        }

        return ((Grain)plan.Constructor.Invoke(args), states);
    }

    private static Plan BuildPlan(Type grainClass)
    {
        var ctor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass} has no public constructor.");
        var parameters = ctor.GetParameters().Select(p =>
        {
            var attr = p.GetCustomAttribute<PersistentStateAttribute>();
            if (attr is null)
            {
                return new ParameterPlan(p.ParameterType, null, null);
            }

            if (!p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"[PersistentState] parameter '{p.Name}' of {grainClass} must be an IPersistentState<T>.");
            }

            var create = CreateStateMethod.MakeGenericMethod(p.ParameterType.GetGenericArguments()[0])
                .CreateDelegate<Func<StateKey, IGrainStorage, RuntimeSerializer, ActivationData, IPersistentStateLoader>>();
            return new ParameterPlan(p.ParameterType, attr, create);
        });
        return new Plan(ctor, [.. parameters]);
    }

    private static IPersistentStateLoader CreateState<T>(StateKey key, IGrainStorage storage, RuntimeSerializer serializer, ActivationData owner) =>
        new PersistentState<T>(key, storage, serializer, owner);

    private sealed record Plan(ConstructorInfo Constructor, ParameterPlan[] Parameters);

    private sealed record ParameterPlan(
        Type Type,
        PersistentStateAttribute? State,
        Func<StateKey, IGrainStorage, RuntimeSerializer, ActivationData, IPersistentStateLoader>? CreateState);
}
