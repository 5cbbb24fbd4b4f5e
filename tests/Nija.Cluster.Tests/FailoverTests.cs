using System.Diagnostics;
using Nija.Cluster.Tests.Support;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;

namespace Nija.Cluster.Tests;

/// <summary>Silo processes killed and frozen under load: detection, failover, and nothing acknowledged lost.</summary>
public sealed class FailoverTests
{
    private static readonly TimeSpan DetectionGoal = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Grains_of_a_killed_silo_answer_from_the_others_with_their_last_durable_state_within_the_detection_goal()
    {
        await using var cluster = new TestCluster("kill9");
        await cluster.StartSilosAsync(3);
        await cluster.StartClientAsync();
        var counters = Enumerable.Range(0, 40).Select(i => $"k{i}").ToList();
        var client = new Acknowledged(cluster.Grains);
        using var stop = new CancellationTokenSource();
        var load = client.RunLoadAsync(counters, workers: 8, stop.Token);
        await client.AcknowledgedAsync(200, TimeSpan.FromSeconds(30));

        var ticking = cluster.Grains.GetGrain<ICounterGrain>("ticker");
        await ticking.StartTicking(TimeSpan.FromSeconds(1));
        var before = await ticking.Get();
        var victim = cluster.Silos[SiloAddress.Parse(before.Silo).Endpoint];
        await WaitUntilAsync(async () => (await ticking.Get()).Ticks >= 2, TimeSpan.FromSeconds(10), "the reminder to tick");

        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        cluster.Forget(victim);
        var after = await FailedOver.FirstAnswerAwayFromAsync(ticking.Get, before.Silo, TimeSpan.FromSeconds(30));
        var failover = killedAt.Elapsed;
        var ticksAtFailover = after.Ticks;
        await WaitUntilAsync(async () => (await ticking.Get()).Ticks >= ticksAtFailover + 2, TimeSpan.FromSeconds(15), "the reminder to tick on the new owner");
        await client.AcknowledgedAsync(200, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await load;

        Assert.True(failover < DetectionGoal, $"The grain answered from another silo after {failover}, beyond {DetectionGoal}.");
        Assert.NotEqual(before.Silo, after.Silo);
        Assert.True(after.Ticks >= 2, "The reminder's durable ticks were lost.");
        Assert.True(client.LongestCall < TimeSpan.FromSeconds(12), $"A call took {client.LongestCall}, past its 10 s timeout.");
        await AssertCountersMatchAsync(cluster, client);
    }

    [Fact]
    public async Task A_frozen_silo_is_declared_dead_stops_itself_and_rejoins_only_as_a_new_generation()
    {
        await using var cluster = new TestCluster("freeze");
        var silos = await cluster.StartSilosAsync(3);
        var frozen = silos[1];
        var old = await cluster.WaitActiveAsync(frozen);

        frozen.Freeze();
        await cluster.WaitForRowAsync(frozen, e => e.Silo == old.Silo && e.Status == SiloStatus.Dead, TimeSpan.FromSeconds(20), "Dead");
        frozen.Thaw();
        await frozen.WaitForExitAsync(TimeSpan.FromSeconds(15));
        cluster.Forget(frozen);

        Assert.Equal(3, frozen.ExitCode);
        var restarted = cluster.StartSilo(frozen.Port);
        var fresh = await cluster.WaitActiveAsync(restarted);
        var table = await cluster.ReadTableAsync();
        Assert.True(fresh.Silo.Generation > old.Silo.Generation);
        Assert.Equal(SiloStatus.Dead, table.Find(old.Silo)!.Status);
        Assert.Equal(3, table.Active.Count);
    }

    [Fact]
    public async Task No_silo_is_declared_dead_while_other_processes_saturate_every_core()
    {
        await using var cluster = new TestCluster("cpu");
        await cluster.StartSilosAsync(3);
        var before = (await cluster.ReadTableAsync()).Active;
        var burners = Enumerable.Range(0, Environment.ProcessorCount * 2)
            .Select(_ => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!)
            .ToList();
        try
        {
            // An observation window of real time: several times what detecting a real failure takes (about 3 s).
            await Task.Delay(TimeSpan.FromSeconds(15));
        }
        finally
        {
            foreach (var burner in burners)
            {
                burner.Kill();
                burner.Dispose();
            }
        }

        var after = await cluster.ReadTableAsync();
        Assert.Equal(before, after.Active);
        Assert.All(cluster.Silos.Values, s => Assert.False(s.HasExited, s.LogTail()));
    }

    internal static async Task AssertCountersMatchAsync(TestCluster cluster, Acknowledged client)
    {
        foreach (var (counter, expected) in client.Expected)
        {
            var actual = (await ReadAsync(cluster.Grains.GetGrain<ICounterGrain>(counter))).Value;
            Assert.True(expected == actual, $"Counter {counter}: {actual} stored, {expected} acknowledged.");
        }
    }

    /// <summary>A read is safe to send again, so a read that met a silo leaving is retried.</summary>
    internal static async Task<CounterSnapshot> ReadAsync(ICounterGrain grain)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grain.Get();
            }
            catch (SiloUnavailableException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"Waited {timeout} for {what}.");
            await Task.Delay(100);
        }
    }
}
