using Nija.Runtime.Activation;

namespace Nija.Runtime.Metrics;

/// <summary>Collects the stats of every bound method and counts activations; also publishes the activation gauge.</summary>
internal sealed class RuntimeStatistics : IRuntimeStatistics
{
    private readonly GrainMethodStatsTable _methods;
    private readonly Catalog _catalog;
    private readonly TimeProvider _time;

    public RuntimeStatistics(Catalog catalog, TimeProvider time, RuntimeInstruments instruments, GrainMethodStatsTable methods)
    {
        _methods = methods;
        _catalog = catalog;
        _time = time;
        instruments.Meter.CreateObservableGauge("nija.grain.activations", () =>
            CountByType().Select(kv => new System.Diagnostics.Metrics.Measurement<int>(kv.Value, new KeyValuePair<string, object?>("grain.type", kv.Key))),
            description: "Live activations by grain type.");
    }

    public RuntimeSnapshot GetSnapshot() => new(
        _time.GetUtcNow(),
        [.. _methods.All.Where(s => s.Calls > 0).OrderBy(s => s.GrainType, StringComparer.Ordinal).ThenBy(s => s.Method, StringComparer.Ordinal)
            .Select(s => new GrainMethodSnapshot(s.GrainType, s.Method, s.Calls, s.Errors, s.Latency.Quantile(0.5), s.Latency.Quantile(0.99), s.Latency.Buckets()))],
        CountByType());

    private Dictionary<string, int> CountByType() =>
        _catalog.All.GroupBy(a => a.GrainClass.GrainType).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
