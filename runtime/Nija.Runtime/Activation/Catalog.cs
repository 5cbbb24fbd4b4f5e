using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Filters;
using Nija.Runtime.Filters;
using Nija.Runtime.Hosting;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Activation;

/// <summary>
/// The silo's activations: finds or creates the activation for a message, collects idle ones and
/// deactivates everything at shutdown. At most one activation per grain id lives here at a time
/// (stateless workers excepted: a bounded group per id).
/// </summary>
internal sealed partial class Catalog
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();
    private readonly GrainTypeRegistry _registry;
    private readonly IIncomingGrainCallFilter[] _incoming;
    private readonly ILogger<Catalog> _log;
    private readonly Lazy<IGrainFactory> _factory;
    private long _activationSeq;

    // Sets this process's activations apart from every other process's in call chains that cross silos.
    private readonly long _chainPrefix = (long)Random.Shared.Next() << 32;
    private volatile bool _stopping;
    private volatile bool _abandoned;

    public Catalog(
        GrainTypeRegistry registry,
        GrainActivator activator,
        IServiceProvider services,
        TimeProvider time,
        IOptions<SiloOptions> options,
        IEnumerable<IIncomingGrainCallFilter> incoming,
        ILogger<Catalog> log)
    {
        _registry = registry;
        Activator = activator;
        Services = services;
        Time = time;
        Options = options.Value;
        _incoming = [.. incoming];
        _log = log;
        _factory = new Lazy<IGrainFactory>(() => (IGrainFactory)services.GetService(typeof(IGrainFactory))!);
    }

    public GrainActivator Activator { get; }

    public IServiceProvider Services { get; }

    public TimeProvider Time { get; }

    public SiloOptions Options { get; }

    public IGrainFactory GrainFactory => _factory.Value;

    public int Count => _activations.Count + _workers.Values.Sum(g => g.Count);

    public IEnumerable<ActivationData> All => _activations.Values.Concat(_workers.Values.SelectMany(g => g.Workers));

    public void Dispatch(Message msg)
    {
        try
        {
            var cls = _registry.GetClass(msg.Target.Type);
            if (_stopping)
            {
                throw new InvalidOperationException($"The silo is shutting down; {msg.Name} on {msg.Target} was not delivered.");
            }

            if (cls.StatelessWorkerMax is { } max)
            {
                _workers.GetOrAdd(msg.Target, static (id, s) => new StatelessWorkerGroup(id, s.cls, s.max, s.self), (cls, max, self: this)).Dispatch(msg);
                return;
            }

            while (true)
            {
                if (!_activations.TryGetValue(msg.Target, out var act))
                {
                    var created = Create(msg.Target, cls);
                    act = _activations.GetOrAdd(msg.Target, created);
                    if (ReferenceEquals(act, created))
                    {
                        created.Activate();
                    }
                }

                if (act.Enqueue(msg))
                {
                    return;
                }

                _activations.TryRemove(KeyValuePair.Create(msg.Target, act));
            }
        }
        catch (Exception e) when (msg.Completion is not null)
        {
            msg.Completion.Fail(e);
        }
    }

    /// <summary>In a cluster, holds a ring-placed grain's first activation while its old owner is still shutting down (null outside one).</summary>
    public Cluster.HandOffGate? HandOff { get; set; }

    /// <summary>The grain directory's local side, in a cluster (null outside one).</summary>
    public Cluster.GrainLocator? Locator { get; set; }

    /// <summary>Where a message goes whose activation gave way to one on another silo (the cluster router's delayed re-send).</summary>
    public Action<Message>? Rerouter { get; set; }

    /// <summary>Sends on, after a short wait, a message whose activation lost the directory registration.</summary>
    public void Reroute(Message msg) => (Rerouter ?? Dispatch)(msg);

    /// <summary>Where a message that an activation gave back goes (the cluster router); here when unset.</summary>
    public Action<Message>? Forwarder { get; set; }

    /// <summary>Sends on a message that its activation did not run (it deactivated first).</summary>
    public void Forward(Message msg) => (Forwarder ?? Dispatch)(msg);

    /// <summary>The cluster-unique id of this process's activation number <paramref name="activationSeq"/> in call chains.</summary>
    public long ChainIdOf(long activationSeq) => _chainPrefix | (activationSeq & 0xFFFF_FFFF);

    public ActivationData Create(GrainId id, GrainClassMetadata cls) => new(id, cls, Interlocked.Increment(ref _activationSeq), this);

    public void OnDeactivated(ActivationData act)
    {
        if (act.GrainClass.StatelessWorkerMax is not null)
        {
            if (_workers.TryGetValue(act.GrainId, out var group))
            {
                group.Remove(act);
            }

            return;
        }

        _activations.TryRemove(KeyValuePair.Create(act.GrainId, act));
    }

    /// <summary>Deactivates the grain's activation(s), if any; completes when they are gone.</summary>
    public Task DeactivateAsync(GrainId id, DeactivationReason reason)
    {
        var tasks = All.Where(a => a.GrainId == id).Select(a => a.RequestDeactivation(reason));
        return Task.WhenAll(tasks);
    }

    /// <summary>Stops taking new activations and deactivates every activation (which writes state in OnDeactivateAsync).</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        await Task.WhenAll(All.ToList().Select(a => a.RequestDeactivation(reason))).WaitAsync(cancellationToken);
    }

    /// <summary>Whether the silo was declared dead: its grains go without running OnDeactivateAsync (they live elsewhere now).</summary>
    public bool IsAbandoned => _abandoned;

    /// <summary>Stops taking activations and drops the ones here without writing anything.</summary>
    public void Abandon()
    {
        _abandoned = true;
        _stopping = true;
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo was declared dead by its peers.");
        foreach (var act in All.ToList())
        {
            _ = act.RequestDeactivation(reason);
        }
    }

    /// <summary>Deactivates activations idle for longer than their type's age limit.</summary>
    public int CollectIdle()
    {
        var now = Time.GetTimestamp();
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, "Idle for longer than the collection age limit.");
        var count = 0;
        foreach (var act in All)
        {
            if (act.IsIdle(now, AgeLimit(act.GrainClass)))
            {
                _ = act.RequestDeactivation(reason);
                count++;
            }
        }

        return count;
    }

    public TimeSpan AgeLimit(GrainClassMetadata cls) =>
        Options.CollectionAgeLimits.TryGetValue(cls.GrainType, out var limit) ? limit : cls.AgeLimit ?? Options.DefaultCollectionAgeLimit;

    public async Task<object?> Invoke(Grain grain, Message msg)
    {
        var m = msg.Method!;
        object? result;
        if (_incoming.Length == 0)
        {
            var task = m.Invoker(grain, msg.Arguments);
            await task;
            result = m.ResultGetter?.Invoke(task);
        }
        else
        {
            var ctx = new IncomingCallContext(grain, msg, _incoming);
            await ctx.Invoke();
            result = ctx.Result;
        }

        // A result going back over the wire is serialized there, which already isolates it.
        return m.ResultCopier is { } copy && msg.Completion is not Networking.RemoteResponseCompletion ? copy(result) : result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "One-way call {Method} on {Grain} failed")]
    private partial void OneWayFailed(Exception e, string method, GrainId grain);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of {Grain} failed")]
    private partial void ActivationFailed(Exception e, GrainId grain);

    [LoggerMessage(Level = LogLevel.Error, Message = "OnDeactivateAsync of {Grain} failed")]
    private partial void DeactivationFailed(Exception e, GrainId grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing {Grain} from the grain directory failed; its entry names this live silo until the grain activates here again")]
    private partial void UnregisterFailed(Exception e, GrainId grain);

    public void LogUnregisterFailure(GrainId grain, Exception e) => UnregisterFailed(e, grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer tick of {Grain} failed")]
    private partial void TimerFailed(Exception e, GrainId grain);

    public void LogTimerFailure(GrainId grain, Exception e) => TimerFailed(e, grain);

    public void LogOneWayFailure(GrainId grain, string method, Exception e) => OneWayFailed(e, method, grain);

    public void LogActivationFailure(GrainId grain, Exception e) => ActivationFailed(e, grain);

    public void LogDeactivationFailure(GrainId grain, Exception e) => DeactivationFailed(e, grain);
}
