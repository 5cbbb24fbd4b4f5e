using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task Write(string gate);
}

[Reentrant]
public sealed class ReentrantGateGrain(Probe probe) : Grain, IReentrantGateGrain
{
    async Task IReentrantGateGrain.Write(string gate)
    {
        probe.Record($"reentrant-start:{gate}");
        probe.Enter("reentrant-turn");
        probe.Exit("reentrant-turn"); // synchronous section: must never overlap another turn
        await probe.Gate(gate);
        probe.Record($"reentrant-end:{gate}");
    }
}
