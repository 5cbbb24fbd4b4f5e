namespace Nija.Bench.Support;

/// <summary>
/// The collections and the time the runtime was paused for them in this process over a phase: the
/// server's, since the load generators run in their own processes. A pause holds every request in
/// flight, so their count and length bound a latency percentile from below whatever the load.
/// </summary>
public readonly record struct GcWindow(int Collections, TimeSpan Paused)
{
    /// <summary>The counters now; subtract an earlier reading to get a phase's.</summary>
    public static GcWindow Now() => new(GC.CollectionCount(0), GC.GetTotalPauseDuration());

    /// <summary>What happened between <paramref name="start"/> and now.</summary>
    public static GcWindow Since(GcWindow start)
    {
        var now = Now();
        return new GcWindow(now.Collections - start.Collections, now.Paused - start.Paused);
    }

    /// <summary>"count, total ms" for a report cell.</summary>
    public override string ToString() => $"{Report.N(Collections)}, {Report.N(Paused.TotalMilliseconds)} ms";
}
