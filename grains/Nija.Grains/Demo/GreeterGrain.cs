using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Demo;

/// <summary>Counts greetings durably: the runtime's smallest complete example.</summary>
[GrainType("greeter")]
public sealed class GreeterGrain([PersistentState("greeter")] IPersistentState<GreeterState> state, TimeProvider time) : Grain, IGreeterGrain
{
    async Task<Greeting> IGreeterGrain.Greet(string from)
    {
        state.State.Count++;
        state.State.LastFrom = from;
        state.State.LastAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return Current();
    }

    Task<Greeting> IGreeterGrain.Last() => Task.FromResult(Current());

    private Greeting Current() => new($"Hello {GetPrimaryKeyString()}, from {state.State.LastFrom}", state.State.Count, state.State.LastAt);
}
