using System.Diagnostics;
using System.Globalization;
using Nija.Bench.Grains;
using Nija.Bench.Support;

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
            "a directory lookup by the caller and a registration by the silo that activates it, both in PostgreSQL), then 256 callers " +
            $"looping over 1,000 activated grains for {duration.TotalSeconds:0} s (locations cached). About half of either kind live on silo B.");
        await using var cluster = new BenchCluster(postgres);
        var a = await cluster.StartAsync();
        await cluster.StartAsync();
        await BenchCluster.WaitForViewAsync(a, 2);
        var grains = BenchCluster.Grains(a);

        var hashFirst = await FirstCallsAsync(i => grains.GetGrain<IAdderGrain>(1_000_000 + i).Add(1));
        var placedFirst = await FirstCallsAsync(i => grains.GetGrain<IPlacedAdderGrain>(1_000_000 + i).Add(1));
        var hashSteady = await CallThroughput.Measure(256, duration, i => grains.GetGrain<IAdderGrain>(1_000_000 + i).Add(1));
        var placedSteady = await CallThroughput.Measure(256, duration, i => grains.GetGrain<IPlacedAdderGrain>(1_000_000 + i).Add(1));

        report.Table(["", "hash ring (baseline)", "p50 µs", "p99 µs", "random placement", "p50 µs", "p99 µs", "random / hash"],
        [
            ["first calls/s", Report.N(hashFirst.PerSecond), Report.N(hashFirst.P50), Report.N(hashFirst.P99),
                Report.N(placedFirst.PerSecond), Report.N(placedFirst.P50), Report.N(placedFirst.P99), Report.N(placedFirst.PerSecond / hashFirst.PerSecond * 100) + " %"],
            ["steady calls/s", Report.N(hashSteady.PerSecond), Report.N(hashSteady.P50), Report.N(hashSteady.P99),
                Report.N(placedSteady.PerSecond), Report.N(placedSteady.P50), Report.N(placedSteady.P99), Report.N(placedSteady.PerSecond / hashSteady.PerSecond * 100) + " %"],
        ]);
    }

    private static async Task<(double PerSecond, double P50, double P99)> FirstCallsAsync(Func<int, Task<int>> call)
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
