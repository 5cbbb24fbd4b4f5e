using Nija.Cluster.Tests.Support;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;

namespace Nija.Cluster.Tests;

/// <summary>A silo stopping gracefully hands its grains over with the state they write on the way out.</summary>
public sealed class GracefulHandOffTests
{
    [Fact]
    public async Task A_grain_that_writes_only_when_it_deactivates_starts_on_its_new_owner_from_what_the_stopping_owner_wrote()
    {
        await using var cluster = new TestCluster("handoff");
        await cluster.StartSilosAsync(2);
        await cluster.StartClientAsync();
        const string key = "meter";
        var meter = cluster.Grains.GetGrain<IBufferedCounterGrain>(key);
        await meter.Add(5);
        // The owner's store is slow: its write lands two seconds into its shutdown, long after it left the ring.
        await meter.SlowDownDeactivation(TimeSpan.FromSeconds(2));
        var owner = new HashRing((await cluster.ReadTableAsync()).Active).OwnerOf(new GrainId("bufferedcounter", key))!.Value;
        var stopping = cluster.Silos[owner.Endpoint];

        var stopped = stopping.StopAsync(TimeSpan.FromSeconds(30));
        await cluster.WaitForRowAsync(stopping, e => e.Status != SiloStatus.Active, TimeSpan.FromSeconds(10), "out of the ring");
        var onTheNewOwner = await meter.Get();
        await stopped;

        Assert.Equal(5, onTheNewOwner);
        Assert.Equal(0, stopping.ExitCode);
    }
}
