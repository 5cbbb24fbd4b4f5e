using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;

namespace Nija.Bench.Scenarios;

/// <summary>After a silo joins, how fast activations move to it (deactivated where they were, activated again on their next call).</summary>
public static class Rebalancing
{
    private const int Activations = 20_000;

    public static async Task RunAsync(Report report, string postgres)
    {
        report.Heading("Rebalancing after a silo joins",
            $"Two silos (in this process) hold {Activations:N0} activations; a third joins. The silos that lose ranges deactivate those activations, " +
            "each at most `Nija:Cluster:RebalancePerSecond` a second (so a join never storms the store; two losing silos together move up to twice that); the figure is activations handed over per second, from the join to the last one gone.");
        var rows = new List<string[]>();
        foreach (var cap in new[] { 500, 5_000 })
        {
            await using var cluster = new BenchCluster(postgres);
            var a = await cluster.StartAsync(rebalancePerSecond: cap);
            var b = await cluster.StartAsync(rebalancePerSecond: cap);
            await BenchCluster.WaitForViewAsync(a, 2);
            var grains = BenchCluster.Grains(a);
            await Task.WhenAll(Enumerable.Range(0, Activations).Select(i => grains.GetGrain<IAdderGrain>(i).Add(1)));

            var clock = Stopwatch.StartNew();
            var c = await cluster.StartAsync(rebalancePerSecond: cap);
            await BenchCluster.WaitForViewAsync(a, 3);
            await BenchCluster.WaitForViewAsync(b, 3);
            var ring = BenchCluster.View(c).Ring;
            var toMove = Enumerable.Range(0, Activations).Count(i => ring.OwnerOf(grains.GetGrain<IAdderGrain>(i).GetGrainId()) == BenchCluster.View(c).Self);
            long Moved() => a.Services.GetRequiredService<Rebalancer>().Moved + b.Services.GetRequiredService<Rebalancer>().Moved;
            while (Moved() < toMove && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(20);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var left = a.Services.GetRequiredService<ISiloControl>().ActivationCount + b.Services.GetRequiredService<ISiloControl>().ActivationCount;
            rows.Add([Report.N(cap), Report.N(toMove), Report.N(Moved()), Report.N(seconds, 2), Report.N(Moved() / seconds), Report.N(left)]);
        }

        report.Table(["RebalancePerSecond", "to move", "moved", "seconds", "moved/s", "left on the old silos"], rows);
    }
}
