using System.Collections.Concurrent;

namespace Nija.Runtime.Metrics;

/// <summary>One <see cref="GrainMethodStats"/> per grain type and method, shared by every binding that reaches it.</summary>
internal sealed class GrainMethodStatsTable(RuntimeInstruments instruments)
{
    private readonly ConcurrentDictionary<(string, string), GrainMethodStats> _stats = new();

    public IEnumerable<GrainMethodStats> All => _stats.Values;

    public GrainMethodStats GetOrCreate(string grainType, string method) =>
        _stats.GetOrAdd((grainType, method), static (k, i) => new GrainMethodStats(k.Item1, k.Item2, i), instruments);
}
