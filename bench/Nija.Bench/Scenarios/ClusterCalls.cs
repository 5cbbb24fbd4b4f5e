using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Bench.Scenarios;

/// <summary>
/// Calls from one silo to grains that live on another (TCP over loopback, both silos in this
/// process), beside calls from the same silo to grains it owns itself, in the same run.
/// </summary>
public static class ClusterCalls
{
    public static async Task RunAsync(Report report, TimeSpan duration, string postgres)
    {
        report.Heading("Cross-silo call throughput and latency",
            "Two silos of one cluster (PostgreSQL membership), each its own host in this process with real TCP between them over loopback. " +
            $"N callers on silo A each loop `await grain.Add(1)` for {duration.TotalSeconds:0} s, over 1,000 grains that the hash ring places on silo B (cross-silo), " +
            "and then over 1,000 grains it places on silo A (local calls, the baseline). Arguments and results cross as JSON in length-prefixed frames.");
        await using var cluster = new BenchCluster(postgres);
        var a = await cluster.StartAsync();
        await cluster.StartAsync();
        await BenchCluster.WaitForViewAsync(a, 2);
        var view = BenchCluster.View(a);
        var self = view.Self!.Value;
        var grains = BenchCluster.Grains(a);
        IAdderGrain[] Pick(bool local) => [.. Enumerable.Range(0, 100_000)
            .Select(i => grains.GetGrain<IAdderGrain>(i))
            .Where(g => (view.Ring.OwnerOf(g.GetGrainId()) == self) == local)
            .Take(1000)];
        var remote = Pick(local: false);
        var local = Pick(local: true);
        await Task.WhenAll(remote.Concat(local).Select(g => g.Add(0)));

        var rows = new List<string[]>();
        foreach (var callers in new[] { 1, 64, 256, 1024 })
        {
            var cross = await CallThroughput.Measure(callers, duration, i => remote[i].Add(1));
            var here = await CallThroughput.Measure(callers, duration, i => local[i].Add(1));
            rows.Add([callers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Report.N(cross.PerSecond), Report.N(cross.P50), Report.N(cross.P99),
                Report.N(here.PerSecond), Report.N(here.P50), Report.N(here.P99),
                Report.N(cross.PerSecond / here.PerSecond * 100) + " %"]);
        }

        report.Table(["callers", "cross-silo calls/s", "p50 µs", "p99 µs", "local calls/s", "p50 µs", "p99 µs", "cross / local"], rows);
    }
}
