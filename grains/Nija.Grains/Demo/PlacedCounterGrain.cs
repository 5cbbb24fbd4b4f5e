using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Cluster;

namespace Nija.Grains.Demo;

/// <summary>The counter behind every placement strategy; the subclasses only name the strategy.</summary>
public abstract class PlacedCounterGrain(IPersistentState<CounterState> state, IGrainContext context, ClusterView silo)
    : Grain, IPlacedCounterGrain
{
    async Task<CounterSnapshot> IPlacedCounterGrain.Add(long delta)
    {
        state.State.Value += delta;
        await state.WriteStateAsync();
        return Snapshot();
    }

    Task<CounterSnapshot> IPlacedCounterGrain.Get() => Task.FromResult(Snapshot());

    Task<CounterSnapshot> IPlacedCounterGrain.AddToPeer(CounterPlacement placement, string key, long delta) => Peer(placement, key).Add(delta);

    async Task<CounterSnapshot> IPlacedCounterGrain.Relay(CounterPlacement placement, string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 ? await ((IPlacedCounterGrain)this).Add(1) : await Peer(placement, path[0]).Relay(placement, path[1..]);
    }

    Task<int> IPlacedCounterGrain.ReportedLoadOf(string other) => Task.FromResult(silo.Load.GetValueOrDefault(SiloAddress.Parse(other)));

    private IPlacedCounterGrain Peer(CounterPlacement placement, string key) => placement switch
    {
        CounterPlacement.Random => GrainFactory.GetGrain<IRandomCounterGrain>(key),
        CounterPlacement.PreferLocal => GrainFactory.GetGrain<IPreferLocalCounterGrain>(key),
        CounterPlacement.ActivationCount => GrainFactory.GetGrain<ILeastLoadedCounterGrain>(key),
        _ => throw new ArgumentOutOfRangeException(nameof(placement), placement, "Unknown placement."),
    };

    private CounterSnapshot Snapshot() => new(state.State.Value, state.State.Ticks, silo.SiloAddress, context.ActivationId);
}
