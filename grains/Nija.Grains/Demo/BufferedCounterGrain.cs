using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Demo;

/// <summary>Holds its count in memory and writes it in OnDeactivateAsync only (see <see cref="IBufferedCounterGrain"/>).</summary>
[GrainType("bufferedcounter")]
public sealed class BufferedCounterGrain([PersistentState("bufferedcounter")] IPersistentState<CounterState> state, TimeProvider time) : Grain, IBufferedCounterGrain
{
    private TimeSpan _deactivationDelay;

    Task<long> IBufferedCounterGrain.Add(long delta) => Task.FromResult(state.State.Value += delta);

    Task<long> IBufferedCounterGrain.Get() => Task.FromResult(state.State.Value);

    Task IBufferedCounterGrain.SlowDownDeactivation(TimeSpan delay)
    {
        _deactivationDelay = delay;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deactivationDelay > TimeSpan.Zero)
        {
            await Task.Delay(_deactivationDelay, time, cancellationToken);
        }

        await state.WriteStateAsync(cancellationToken);
    }
}
