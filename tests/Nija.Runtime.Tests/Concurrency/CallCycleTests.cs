using Nija.Runtime.Messaging;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Concurrency;

public sealed class CallCycleTests
{
    [Fact]
    public async Task A_call_cycle_between_non_reentrant_grains_fails_at_once_with_an_exception_naming_the_cycle()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var a = silo.GrainFactory.GetGrain<ICycleGrain>("a");
        var b = silo.GrainFactory.GetGrain<ICycleGrain>("b");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.CallOther(b));

        Assert.Contains("cycle/a -> cycle/b -> cycle/a", error.Message, StringComparison.Ordinal);
        Assert.Equal("pong from cycle/a", await a.Ping()); // and the grain is still usable
    }

    [Fact]
    public async Task A_call_cycle_through_reentrant_grains_completes()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var a = silo.GrainFactory.GetGrain<IReentrantCycleGrain>("a");
        var b = silo.GrainFactory.GetGrain<IReentrantCycleGrain>("b");

        Assert.Equal("pong from reentrantcycle/a", await a.CallOther(b));
    }
}
