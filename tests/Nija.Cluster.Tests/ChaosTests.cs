using Nija.Cluster.Tests.Support;

namespace Nija.Cluster.Tests;

/// <summary>Random kills, restarts and graceful stops under load: every counter ends equal to its acknowledged increments.</summary>
public sealed class ChaosTests
{
    [Fact]
    public async Task Twenty_rounds_of_kills_restarts_and_graceful_stops_lose_and_double_nothing()
    {
        await using var cluster = new TestCluster("chaos");
        await cluster.StartSilosAsync(3);
        await cluster.StartClientAsync();
        var counters = Enumerable.Range(0, 30).Select(i => $"x{i}").ToList();
        var client = new Acknowledged(cluster.Grains);
        using var stop = new CancellationTokenSource();
        var load = client.RunLoadAsync(counters, workers: 6, stop.Token);
        var random = new Random(20261122);

        for (var round = 0; round < 20; round++)
        {
            var victim = cluster.Silos.Values.ElementAt(random.Next(cluster.Silos.Count));
            if (random.Next(2) == 0)
            {
                victim.Kill();
            }
            else
            {
                await victim.StopAsync(TimeSpan.FromSeconds(30));
            }

            cluster.Forget(victim);

            // Chaos in real time: a random gap before the restart (sometimes before the death is detected).
            await Task.Delay(random.Next(100, 600));
            await cluster.WaitActiveAsync(cluster.StartSilo(victim.Port));
        }

        await client.AcknowledgedAsync(100, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await load;

        Assert.True(client.Expected.Values.Sum() > 200, $"Too little load ran to mean anything: {client.Expected.Values.Sum()} increments.");
        await FailoverTests.AssertCountersMatchAsync(cluster, client);
    }

    [Fact]
    public async Task A_rolling_restart_of_every_silo_under_load_fails_no_request()
    {
        await using var cluster = new TestCluster("rolling");
        var silos = await cluster.StartSilosAsync(3);
        await cluster.StartClientAsync();
        var counters = Enumerable.Range(0, 30).Select(i => $"r{i}").ToList();
        var client = new Acknowledged(cluster.Grains);
        using var stop = new CancellationTokenSource();
        var load = client.RunLoadAsync(counters, workers: 6, stop.Token);
        await client.AcknowledgedAsync(100, TimeSpan.FromSeconds(30));

        foreach (var silo in silos)
        {
            await silo.StopAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, silo.ExitCode);
            cluster.Forget(silo);
            await cluster.WaitActiveAsync(cluster.StartSilo(silo.Port));
            await client.AcknowledgedAsync(50, TimeSpan.FromSeconds(30));
        }

        await stop.CancelAsync();
        await load;

        Assert.Equal(0, client.FailedAttempts);
        await FailoverTests.AssertCountersMatchAsync(cluster, client);
    }
}
