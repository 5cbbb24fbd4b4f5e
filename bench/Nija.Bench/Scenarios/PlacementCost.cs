using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Activation;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;

namespace Nija.Bench.Scenarios;

/// <summary>
/// What the grain directory costs: first calls (activation) and steady calls to randomly placed
/// grains beside hash-placed ones, from the same silo of the same two-silo cluster, in the same run.
/// </summary>
public static class PlacementCost
{
    private const int NewGrains = 2000;

    public static async Task RunAsync(Report report, TimeSpan duration, string postgres)
    {
        report.Heading("Directory placement against the hash ring",
            "Two silos of one cluster (PostgreSQL membership and grain directory), each its own host in this process, real TCP over loopback. From silo A: " +
            $"the first call to each of {NewGrains:N0} new grains, 32 in flight (a hash-placed grain is activated where the ring says; a randomly placed one costs " +
            "a directory lookup by the caller and a registration by the silo that activates it, both in PostgreSQL), then 256 callers (two rounds each, averaged) " +
            $"looping for {duration.TotalSeconds:0} s over about 1,000 activated grains of either kind that live on silo B (cross-silo calls, locations cached). " +
            "Last, the directory's two PostgreSQL operations alone, 32 in flight.");
        await using var cluster = new BenchCluster(postgres);
        var a = await cluster.StartAsync();
        await cluster.StartAsync();
        await BenchCluster.WaitForViewAsync(a, 2);
        var grains = BenchCluster.Grains(a);

        var hashFirst = await TimedAsync(i => grains.GetGrain<IAdderGrain>(1_000_000 + i).Add(1));
        var placedFirst = await TimedAsync(i => grains.GetGrain<IPlacedAdderGrain>(1_000_000 + i).Add(1));
        var self = BenchCluster.View(a).Self!.Value;
        var directory = a.Services.GetRequiredService<IGrainDirectory>();
        var serviceId = a.Services.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId;
        var registerAlone = await TimedAsync(i => directory.RegisterAsync(serviceId, new GrainId("bench-directory", i.ToString(CultureInfo.InvariantCulture)), new GrainLocation(self, i), default));
        var lookupAlone = await TimedAsync(i => directory.LookupAsync(serviceId, new GrainId("bench-directory", i.ToString(CultureInfo.InvariantCulture)), default));
        var spread = cluster.Hosts.Select(h => h.Services.GetRequiredService<Catalog>().All.Count(x => x.GrainClass.ClassType == typeof(PlacedAdderGrain))).ToList();

        // Steady calls compare like with like: grains of either kind that live on silo B.
        var b = cluster.Hosts[1].Services.GetRequiredService<Catalog>();
        IPlacedAdderGrain[] placedOnB = [.. b.All.Where(x => x.GrainClass.ClassType == typeof(PlacedAdderGrain)).Take(1000).Select(x => grains.GetGrain<IPlacedAdderGrain>(x.GrainId.GetIntegerKey()))];
        var view = BenchCluster.View(a);
        IAdderGrain[] hashOnB = [.. Enumerable.Range(2_000_000, 100_000).Select(i => grains.GetGrain<IAdderGrain>(i))
            .Where(g => view.Ring.OwnerOf(g.GetGrainId()) != self).Take(placedOnB.Length)];
        await Task.WhenAll(hashOnB.Select(g => g.Add(0)));
        // In the order placed, hash, hash, placed and averaged: whichever runs first runs faster here.
        var placed1 = await CallThroughput.Measure(256, duration, i => placedOnB[i % placedOnB.Length].Add(1));
        var hash1 = await CallThroughput.Measure(256, duration, i => hashOnB[i % hashOnB.Length].Add(1));
        var hash2 = await CallThroughput.Measure(256, duration, i => hashOnB[i % hashOnB.Length].Add(1));
        var placed2 = await CallThroughput.Measure(256, duration, i => placedOnB[i % placedOnB.Length].Add(1));
        var hashSteady = Mean(hash1, hash2);
        var placedSteady = Mean(placed1, placed2);

        report.Table(["", "hash ring (baseline)", "p50 µs", "p99 µs", "random placement", "p50 µs", "p99 µs", "random / hash"],
        [
            ["first calls/s", Report.N(hashFirst.PerSecond), Report.N(hashFirst.P50), Report.N(hashFirst.P99),
                Report.N(placedFirst.PerSecond), Report.N(placedFirst.P50), Report.N(placedFirst.P99), Report.N(placedFirst.PerSecond / hashFirst.PerSecond * 100) + " %"],
            ["steady calls/s", Report.N(hashSteady.PerSecond), Report.N(hashSteady.P50), Report.N(hashSteady.P99),
                Report.N(placedSteady.PerSecond), Report.N(placedSteady.P50), Report.N(placedSteady.P99), Report.N(placedSteady.PerSecond / hashSteady.PerSecond * 100) + " %"],
            ["directory register alone", "", "", "", Report.N(registerAlone.PerSecond), Report.N(registerAlone.P50), Report.N(registerAlone.P99), ""],
            ["directory lookup alone", "", "", "", Report.N(lookupAlone.PerSecond), Report.N(lookupAlone.P50), Report.N(lookupAlone.P99), ""],
        ]);
        report.Note($"Randomly placed grains activated per silo: {string.Join(" / ", spread.Select(n => Report.N(n)))}.");
    }

    private static (double PerSecond, double P50, double P99) Mean((double PerSecond, double P50, double P99) x, (double PerSecond, double P50, double P99) y) =>
        ((x.PerSecond + y.PerSecond) / 2, (x.P50 + y.P50) / 2, (x.P99 + y.P99) / 2);

    private static async Task<(double PerSecond, double P50, double P99)> TimedAsync<T>(Func<int, Task<T>> call)
    {
        var ticks = new long[NewGrains];
        var rate = await ParallelWork.RateAsync(NewGrains, 32, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        });
        var latencies = new Latencies();
        latencies.Add(ticks, ticks.Length);
        var (p50, p99, _) = latencies.Percentiles();
        return (rate, p50, p99);
    }
}
