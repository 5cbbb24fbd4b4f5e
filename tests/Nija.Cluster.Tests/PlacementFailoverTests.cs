using System.Diagnostics;
using Nija.Cluster.Tests.Support;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Cluster;

namespace Nija.Cluster.Tests;

/// <summary>Directory-placed grains when their silo is killed or stops: they come back elsewhere with their state.</summary>
public sealed class PlacementFailoverTests
{
    [Fact]
    public async Task Randomly_placed_grains_of_a_killed_silo_answer_from_the_others_with_their_written_state()
    {
        await using var cluster = new TestCluster("placed-kill");
        await cluster.StartSilosAsync(3);
        await cluster.StartClientAsync();
        var placed = await PlaceAsync(cluster, "k", 30);
        var victimSilo = placed.Values.GroupBy(p => p.Silo).MaxBy(g => g.Count())!.Key;
        var victim = cluster.Silos[SiloAddress.Parse(victimSilo).Endpoint];

        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        cluster.Forget(victim);

        foreach (var key in placed.Where(p => p.Value.Silo == victimSilo).Select(p => p.Key))
        {
            var grain = cluster.Grains.GetGrain<IRandomCounterGrain>(key);
            var after = await FailedOver.FirstAnswerAwayFromAsync(grain.Get, victimSilo, TimeSpan.FromSeconds(30));
            Assert.Equal(5, after.Value);
            Assert.Equal(6, (await grain.Add(1)).Value);
        }

        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(10), $"The grains answered from other silos only after {killedAt.Elapsed}.");
        foreach (var key in placed.Where(p => p.Value.Silo != victimSilo).Select(p => p.Key))
        {
            // The grains elsewhere did not move.
            Assert.Equal(placed[key].ActivationId, (await cluster.Grains.GetGrain<IRandomCounterGrain>(key).Get()).ActivationId);
        }
    }

    [Fact]
    public async Task A_silo_that_stops_hands_its_placed_grains_over_under_load_without_losing_an_acknowledged_write()
    {
        await using var cluster = new TestCluster("placed-stop");
        await cluster.StartSilosAsync(3);
        await cluster.StartClientAsync();
        var placed = await PlaceAsync(cluster, "s", 30);
        var victimSilo = placed.Values.GroupBy(p => p.Silo).MaxBy(g => g.Count())!.Key;
        var victim = cluster.Silos[SiloAddress.Parse(victimSilo).Endpoint];
        var tally = new PlacedTally(cluster.Grains, [.. placed.Keys]);
        using var stop = new CancellationTokenSource();
        var load = tally.RunAsync(workers: 4, stop.Token);
        await tally.AcknowledgedAsync(100, TimeSpan.FromSeconds(20));

        await victim.StopAsync(TimeSpan.FromSeconds(30));
        cluster.Forget(victim);
        await tally.AcknowledgedAsync(tally.Acknowledged + 100, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await load;

        Assert.Equal(0, victim.ExitCode);
        Assert.Equal(0, await cluster.DirectoryEntriesAsync(victim.Endpoint));
        foreach (var key in placed.Keys)
        {
            var now = await FailedOver.FirstAnswerAwayFromAsync(cluster.Grains.GetGrain<IRandomCounterGrain>(key).Get, victimSilo, TimeSpan.FromSeconds(10));
            var (acked, unsure) = tally.For(key);
            Assert.InRange(now.Value, 5 + acked, 5 + acked + unsure);
        }
    }

    private static async Task<Dictionary<string, CounterSnapshot>> PlaceAsync(TestCluster cluster, string prefix, int count)
    {
        var placed = new Dictionary<string, CounterSnapshot>();
        for (var i = 0; i < count; i++)
        {
            placed[$"{prefix}{i}"] = await cluster.Grains.GetGrain<IRandomCounterGrain>($"{prefix}{i}").Add(5);
        }

        Assert.Equal(3, placed.Values.Select(p => p.Silo).Distinct().Count());
        return placed;
    }
}
