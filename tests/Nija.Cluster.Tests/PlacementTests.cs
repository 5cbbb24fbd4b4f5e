using Nija.Cluster.Tests.Support;
using Nija.GrainInterfaces.Demo;

namespace Nija.Cluster.Tests;

/// <summary>Random, prefer-local and activation-count placement across three silo processes, through the grain directory in PostgreSQL.</summary>
public sealed class PlacementTests(PlacementCluster fixture) : IClassFixture<PlacementCluster>
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Random_placement_spreads_grains_over_every_silo_and_each_grain_keeps_its_one_activation()
    {
        Assert.Equal(3, fixture.FirstPlaced.Values.Select(p => p.Silo).Distinct().Count());

        foreach (var (key, placed) in fixture.FirstPlaced)
        {
            var fromClient = await Cluster.Grains.GetGrain<IRandomCounterGrain>(key).Get();
            Assert.Equal(placed.ActivationId, fromClient.ActivationId);
            foreach (var (_, relayKey) in fixture.RelayKeyOn.Where(r => r.Value != key))
            {
                var relay = Cluster.Grains.GetGrain<IRandomCounterGrain>(relayKey);
                // Called from each silo: the same activation answers, wherever the caller is.
                var viaSilo = await relay.AddToPeer(CounterPlacement.Random, key, 0);
                Assert.Equal(placed.ActivationId, viaSilo.ActivationId);
            }
        }
    }

    [Fact]
    public async Task Concurrent_first_calls_from_the_client_and_every_silo_create_one_activation()
    {
        for (var k = 0; k < 10; k++)
        {
            var key = $"race-{k}";
            var calls = Enumerable.Range(0, 3).Select(_ => Cluster.Grains.GetGrain<IRandomCounterGrain>(key).Add(1))
                .Concat(fixture.RelayOn.Values.Select(relay => relay.AddToPeer(CounterPlacement.Random, key, 1)));

            var answers = await Task.WhenAll(calls);

            Assert.Single(answers.Select(a => a.ActivationId).Distinct());
            Assert.Equal(6, (await Cluster.Grains.GetGrain<IRandomCounterGrain>(key).Get()).Value);
        }
    }

    [Fact]
    public async Task A_prefer_local_grain_is_activated_on_the_silo_that_first_calls_it()
    {
        foreach (var (silo, relay) in fixture.RelayOn)
        {
            for (var i = 0; i < 5; i++)
            {
                var placed = await relay.AddToPeer(CounterPlacement.PreferLocal, $"local-{silo}-{i}", 1);
                Assert.Equal(silo, placed.Silo);
            }
        }
    }

    [Fact]
    public async Task Activation_count_placement_keeps_new_grains_off_a_silo_that_holds_many_more_activations()
    {
        var (busy, relay) = fixture.RelayOn.First();
        for (var i = 0; i < 300; i++)
        {
            await relay.AddToPeer(CounterPlacement.PreferLocal, $"load-{i}", 1);
        }

        await fixture.WaitForReportedLoadAsync(busy, 300, TimeSpan.FromSeconds(15));
        var placed = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            placed.Add((await Cluster.Grains.GetGrain<ILeastLoadedCounterGrain>($"least-{i}").Add(1)).Silo);
        }

        // From a silo too: its own view of the load decides, once it has read the busy silo's report.
        var other = fixture.RelayOn.First(r => r.Key != busy).Value;
        await PlacementCluster.WaitForLoadSeenAsync(other, busy, 300, TimeSpan.FromSeconds(15));
        for (var i = 20; i < 40; i++)
        {
            placed.Add((await other.AddToPeer(CounterPlacement.ActivationCount, $"least-{i}", 1)).Silo);
        }

        Assert.DoesNotContain(busy, placed);
        Assert.Equal(2, placed.Distinct().Count());
    }
}
