namespace Nija.Runtime.Metrics;

/// <summary>A point-in-time view of a silo for dashboards: per-method call figures and activations.</summary>
/// <param name="TakenAt">When the snapshot was taken.</param>
/// <param name="Methods">Figures per grain type and method, for methods that were called.</param>
/// <param name="ActivationsByType">Live activations per grain type.</param>
public sealed record RuntimeSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<GrainMethodSnapshot> Methods,
    IReadOnlyDictionary<string, int> ActivationsByType)
{
    /// <summary>All live activations.</summary>
    public int TotalActivations => ActivationsByType.Values.Sum();
}

/// <summary>Figures of one method of one grain type.</summary>
/// <param name="GrainType">The grain type.</param>
/// <param name="Method">"Interface.Method".</param>
/// <param name="Calls">Calls completed.</param>
/// <param name="Errors">Calls failed.</param>
/// <param name="P50Ms">Median latency (bucket upper bound).</param>
/// <param name="P99Ms">99th percentile latency (bucket upper bound).</param>
/// <param name="LatencyBuckets">The latency histogram's non-empty buckets, so that figures across silos come from one merged histogram.</param>
public sealed record GrainMethodSnapshot(string GrainType, string Method, long Calls, long Errors, double P50Ms, double P99Ms, IReadOnlyDictionary<int, long>? LatencyBuckets = null);
