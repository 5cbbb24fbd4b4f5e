using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }

    public ICounterGrain? Friend { get; set; }
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task<string?> Etag();

    Task Clear();

    Task SetFriend(ICounterGrain friend);

    Task<int> FriendValue();
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, Probe probe) : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activated:{GrainId}:{state.State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{GrainId}:{reason.Code}");
        return Task.CompletedTask;
    }

    async Task<int> ICounterGrain.Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    Task<int> ICounterGrain.Get() => Task.FromResult(state.State.Value);

    Task<string?> ICounterGrain.Etag() => Task.FromResult(state.Etag);

    Task ICounterGrain.Clear() => state.ClearStateAsync();

    Task ICounterGrain.SetFriend(ICounterGrain friend)
    {
        state.State.Friend = friend;
        return state.WriteStateAsync();
    }

    Task<int> ICounterGrain.FriendValue() => state.State.Friend?.Get() ?? Task.FromResult(-1);
}
