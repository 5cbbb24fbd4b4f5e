using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Concurrency;

public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task A_stateless_worker_spreads_concurrent_calls_over_up_to_its_maximum_of_activations()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var worker = silo.GrainFactory.GetGrain<IWorkerGrain>(0);

        var calls = Enumerable.Range(0, 12).Select(_ => worker.Work("go")).ToList();
        await probe.WaitForCount("work:", 3);
        Assert.Equal(3, probe.Events.Distinct().Count());

        probe.Open("go");
        var served = await Task.WhenAll(calls);

        Assert.Equal(3, served.Distinct().Count());
        Assert.Equal(3, silo.Statistics.GetSnapshot().ActivationsByType["worker"]);
    }
}
