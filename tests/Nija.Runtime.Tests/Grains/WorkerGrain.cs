using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<string> Work(string gate);
}

[StatelessWorker(3)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    async Task<string> IWorkerGrain.Work(string gate)
    {
        probe.Record($"work:{GrainContext.ActivationId}");
        await probe.Gate(gate);
        return GrainContext.ActivationId;
    }
}
