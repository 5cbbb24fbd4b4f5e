using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Demo;

/// <summary>Counts increments once each, durably: a write is acknowledged only after it is stored.</summary>
[GrainType("counter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, IGrainContext context, ILocalSiloDetails silo)
    : Grain, ICounterGrain, IRemindable
{
    private const int RememberedOperations = 100_000;

    async Task<long> ICounterGrain.Add(string operationId, long delta)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        if (state.State.Applied.Contains(operationId))
        {
            return state.State.Value;
        }

        if (state.State.Applied.Count >= RememberedOperations)
        {
            throw new InvalidOperationException($"Counter {GetPrimaryKeyString()} remembers at most {RememberedOperations} operations.");
        }

        state.State.Value += delta;
        state.State.Applied.Add(operationId);
        await state.WriteStateAsync();
        await this.GetStreamProvider().GetStream<long>(new StreamId(ICounterGrain.Stream, GetPrimaryKeyString())).PublishAsync(state.State.Value);
        return state.State.Value;
    }

    Task<long> ICounterGrain.AddTo(string counterKey, string operationId, long delta) =>
        GrainFactory.GetGrain<ICounterGrain>(counterKey).Add(operationId, delta);

    Task<CounterSnapshot> ICounterGrain.Get() =>
        Task.FromResult(new CounterSnapshot(state.State.Value, state.State.Ticks, silo.SiloAddress, context.ActivationId));

    async Task ICounterGrain.StartTicking(TimeSpan period) => await this.RegisterOrUpdateReminder("tick", period, period);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
