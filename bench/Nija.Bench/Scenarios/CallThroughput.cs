using System.Diagnostics;
using System.Threading.Channels;
using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Hosting;
using Nija.Runtime.Testing;

namespace Nija.Bench.Scenarios;

/// <summary>
/// Local grain calls over many grains against the bare baseline: the same Add method behind one
/// Channel + reader Task per object (an actor with nothing else). Swept over outstanding calls.
/// </summary>
public static class CallThroughput
{
    private const int Grains = 1000;

    public static async Task RunAsync(Report report, TimeSpan duration)
    {
        report.Heading("Local grain call throughput and latency",
            $"{Grains} grains, a call returns `Task<int>`; N callers each loop `await grain.Add(1)` for {duration.TotalSeconds:0} s. " +
            "Baseline: the same method on plain objects, each behind its own `Channel` and reader `Task` (same run, same callers). " +
            "Latency is each call's own time, from issuing it to resuming after it (callers are closed loops).");
        await using var silo = await TestSilo.StartAsync(s => s.AddGrains(typeof(AdderGrain).Assembly).UseInMemoryStorage());
        var grains = Enumerable.Range(0, Grains).Select(i => silo.GrainFactory.GetGrain<IAdderGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(0)));
        var baseline = new ChannelActors(Grains);

        var rows = new List<string[]>();
        foreach (var callers in new[] { 1, 16, 64, 256, 1024 })
        {
            var grain = await Measure(callers, duration, i => grains[i].Add(1));
            var bare = await Measure(callers, duration, i => baseline.Add(i, 1));
            rows.Add([callers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Report.N(grain.PerSecond), Report.N(grain.P50), Report.N(grain.P99),
                Report.N(bare.PerSecond), Report.N(bare.P50), Report.N(bare.P99),
                Report.N(grain.PerSecond / bare.PerSecond * 100) + " %"]);
        }

        report.Table(["callers", "grain calls/s", "p50 µs", "p99 µs", "baseline calls/s", "p50 µs", "p99 µs", "grain / baseline"], rows);
        baseline.Complete();
    }

    internal static async Task<(double PerSecond, double P50, double P99)> Measure(int callers, TimeSpan duration, Func<int, Task<int>> call)
    {
        // Warm-up, then the measured window.
        await Loop(callers, TimeSpan.FromSeconds(1), call, null);
        var latencies = new Latencies();
        var sw = Stopwatch.StartNew();
        var count = await Loop(callers, duration, call, latencies);
        var elapsed = sw.Elapsed.TotalSeconds;
        var (p50, p99, _) = latencies.Percentiles();
        return (count / elapsed, p50, p99);
    }

    private static async Task<long> Loop(int callers, TimeSpan duration, Func<int, Task<int>> call, Latencies? latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var cap = 4_000_000 / callers + 1024;
            var samples = new List<long>(Math.Min(cap, 1 << 20));
            long calls = 0;
            var i = c % Grains;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                await call(i);

                if (samples.Count < cap)
                {
                    samples.Add(Stopwatch.GetTimestamp() - start);
                }

                i = (i + callers) % Grains;
                calls++;
            }

            latencies?.Add([.. samples], samples.Count);
            return calls;
        })).ToArray();
        return (await Task.WhenAll(tasks)).Sum();
    }

    /// <summary>The baseline: an object per key behind a Channel and one reader Task.</summary>
    private sealed class ChannelActors
    {
        private readonly Channel<(int X, TaskCompletionSource<int> Reply)>[] _inboxes;

        public ChannelActors(int count)
        {
            _inboxes = new Channel<(int, TaskCompletionSource<int>)>[count];
            for (var i = 0; i < count; i++)
            {
                var inbox = Channel.CreateUnbounded<(int X, TaskCompletionSource<int> Reply)>(new UnboundedChannelOptions { SingleReader = true });
                _inboxes[i] = inbox;
                _ = Task.Run(async () =>
                {
                    var total = 0;
                    await foreach (var (x, reply) in inbox.Reader.ReadAllAsync())
                    {
                        reply.SetResult(total += x);
                    }
                });
            }
        }

        public Task<int> Add(int key, int x)
        {
            var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inboxes[key].Writer.TryWrite((x, reply));
            return reply.Task;
        }

        public void Complete()
        {
            foreach (var c in _inboxes)
            {
                c.Writer.TryComplete();
            }
        }
    }
}
