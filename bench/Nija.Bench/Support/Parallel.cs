using System.Diagnostics;

namespace Nija.Bench.Support;

public static class ParallelWork
{
    /// <summary>Runs work(i) for i in [0, count) with at most <paramref name="concurrency"/> in flight; returns items per second.</summary>
    public static async Task<double> RateAsync(int count, int concurrency, Func<int, Task> work)
    {
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await work(i);
            }
        })));
        return count / sw.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="workers"/> loops of work(worker) for the duration; returns completed items per second.</summary>
    public static async Task<double> ForDurationAsync(int workers, TimeSpan duration, Func<int, Task> work)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var sw = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            long n = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                await work(w);
                n++;
            }

            return n;
        })));
        return counts.Sum() / sw.Elapsed.TotalSeconds;
    }
}
