using System.Diagnostics;
using Nija.Cluster.Tests.Support;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Messaging;

namespace Nija.Cluster.Tests;

/// <summary>Call chains travel with calls between silos, so a cycle through several silos is a deadlock at once, not a timeout.</summary>
public sealed class CrossSiloDeadlockTests(PlacementCluster fixture) : IClassFixture<PlacementCluster>
{
    [Fact]
    public async Task A_call_cycle_through_three_silos_fails_at_once_naming_the_cycle()
    {
        var keys = fixture.RelayKeyOn.Values.ToList();
        var first = fixture.Cluster.Grains.GetGrain<IRandomCounterGrain>(keys[0]);
        var started = Stopwatch.StartNew();

        // keys[0] -> keys[1] -> keys[2] -> keys[0], each on its own silo; keys[0] is still waiting for its call.
        var error = await Assert.ThrowsAsync<DeadlockException>(() => first.Relay(CounterPlacement.Random, [keys[1], keys[2], keys[0]]));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"The cycle took {started.Elapsed} to fail (the call timeout is 10 s).");
        Assert.Contains($"random-counter/{keys[0]} -> random-counter/{keys[1]} -> random-counter/{keys[2]} -> random-counter/{keys[0]}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_through_three_silos_without_a_cycle_completes()
    {
        var keys = fixture.RelayKeyOn.Values.ToList();

        var last = await fixture.Cluster.Grains.GetGrain<IRandomCounterGrain>(keys[0]).Relay(CounterPlacement.Random, [keys[1], keys[2]]);

        Assert.Equal(fixture.RelayKeyOn.Single(kv => kv.Value == keys[2]).Key, last.Silo);
    }
}
