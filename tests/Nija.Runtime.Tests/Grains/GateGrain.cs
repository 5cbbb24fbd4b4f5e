using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task Read(string gate);

    Task Write(string gate);

    [AlwaysInterleave]
    Task Peek();

    [ResponseTimeout("00:00:02")]
    Task WaitShort(string gate);

    Task WaitLong(string gate);

    [OneWay]
    Task Fire(string gate);
}

public sealed class GateGrain(Probe probe) : Grain, IGateGrain
{
    async Task IGateGrain.Read(string gate)
    {
        probe.Record($"read-start:{gate}");
        await probe.Gate(gate);
        probe.Record($"read-end:{gate}");
    }

    async Task IGateGrain.Write(string gate)
    {
        probe.Record($"write-start:{gate}");
        await probe.Gate(gate);
        probe.Record($"write-end:{gate}");
    }

    Task IGateGrain.Peek()
    {
        probe.Record("peek");
        return Task.CompletedTask;
    }

    Task IGateGrain.WaitShort(string gate) => probe.Gate(gate);

    Task IGateGrain.WaitLong(string gate) => probe.Gate(gate);

    async Task IGateGrain.Fire(string gate)
    {
        await probe.Gate(gate);
        probe.Record($"fired:{gate}");
    }
}
