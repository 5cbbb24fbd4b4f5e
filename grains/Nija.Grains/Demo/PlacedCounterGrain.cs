using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Demo;

/// <summary>The counter behind every placement strategy; the subclasses only name the strategy.</summary>
public abstract class PlacedCounterGrain(IPersistentState<CounterState> state, IGrainContext context, ILocalSiloDetails silo)
    : Grain, IPlacedCounterGrain
{
    async Task<CounterSnapshot> IPlacedCounterGrain.Add(long delta)
    {
        state.State.Value += delta;
        await state.WriteStateAsync();
        return Snapshot();
    }

    Task<CounterSnapshot> IPlacedCounterGrain.Get() => Task.FromResult(Snapshot());

    Task<CounterSnapshot> IPlacedCounterGrain.AddToPeer(CounterPlacement placement, string key, long delta)
    {
        IPlacedCounterGrain peer = placement switch
        {
            CounterPlacement.Random => GrainFactory.GetGrain<IRandomCounterGrain>(key),
            CounterPlacement.PreferLocal => GrainFactory.GetGrain<IPreferLocalCounterGrain>(key),
            CounterPlacement.ActivationCount => GrainFactory.GetGrain<ILeastLoadedCounterGrain>(key),
            _ => throw new ArgumentOutOfRangeException(nameof(placement), placement, "Unknown placement."),
        };
        return peer.Add(delta);
    }

    private CounterSnapshot Snapshot() => new(state.State.Value, state.State.Ticks, silo.SiloAddress, context.ActivationId);
}
