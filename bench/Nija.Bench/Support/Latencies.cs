using System.Diagnostics;

namespace Nija.Bench.Support;

/// <summary>Exact latency percentiles from every recorded sample (Stopwatch ticks).</summary>
public sealed class Latencies
{
    private readonly List<long[]> _chunks = [];
    private readonly Lock _lock = new();

    public void Add(long[] samples, int count)
    {
        lock (_lock)
        {
            _chunks.Add(samples[..count]);
        }
    }

    public (double P50Us, double P99Us, long Count) Percentiles()
    {
        var all = _chunks.SelectMany(c => c).ToArray();
        Array.Sort(all);
        if (all.Length == 0)
        {
            return (0, 0, 0);
        }

        double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        return (Us(all[(int)(all.Length * 0.50)]), Us(all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))]), all.Length);
    }
}
