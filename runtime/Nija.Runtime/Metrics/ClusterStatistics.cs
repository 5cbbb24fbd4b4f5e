using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;
using Nija.Runtime.Networking;

namespace Nija.Runtime.Metrics;

/// <summary>
/// Gathers every silo's report (this one directly, the others over their connections, in parallel
/// and within a short timeout) into one <see cref="ClusterReport"/>: what the cluster dashboard shows
/// behind one API call. Calls per second are measured between successive reports of this process.
/// </summary>
public sealed class ClusterStatistics
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private readonly ClusterView _view;
    private readonly ConnectionPool _pool;
    private readonly LocalSiloReporter _local;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private Dictionary<(string Silo, string Type, string Method), long> _previousCalls = [];
    private long _previousAt;

    internal ClusterStatistics(ClusterView view, ConnectionPool pool, LocalSiloReporter local, TimeProvider time)
    {
        _view = view;
        _pool = pool;
        _local = local;
        _time = time;
        _previousAt = time.GetTimestamp();
    }

    /// <summary>Asks every listed silo for its figures and sums them.</summary>
    public async Task<ClusterReport> GetReportAsync()
    {
        var snapshot = _view.Snapshot;
        var listed = _view.IsEnabled
            ? snapshot.Entries.Where(e => e.Status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Joining).Select(e => (SiloAddress?)e.Silo).ToList()
            : [null];
        var answers = await Task.WhenAll(listed.Select(AskAsync));
        var reports = answers.OfType<SiloReport>().ToList();
        var unreachable = listed.Zip(answers).Where(p => p.Second is null).Select(p => p.First.ToString()!).ToList();
        return new ClusterReport(_time.GetUtcNow(), snapshot.Version, reports, unreachable, Methods(reports), ActivationsByType(reports));
    }

    private async Task<SiloReport?> AskAsync(SiloAddress? silo)
    {
        if (silo is null || silo == _view.Self)
        {
            return _local.Report();
        }

        try
        {
            return await (await _pool.GetAsync(silo.Value)).RequestReportAsync(AskTimeout);
        }
        catch (SiloUnavailableException)
        {
            return null;
        }
    }

    private List<ClusterMethodFigures> Methods(List<SiloReport> reports)
    {
        var now = _time.GetTimestamp();
        Dictionary<(string, string, string), long> previous;
        double seconds;
        lock (_lock)
        {
            previous = _previousCalls;
            seconds = Math.Max(0.001, _time.GetElapsedTime(_previousAt, now).TotalSeconds);
            _previousCalls = reports.SelectMany(r => r.Runtime.Methods.Select(m => ((r.Silo, m.GrainType, m.Method), m.Calls))).ToDictionary(p => p.Item1, p => p.Calls);
            _previousAt = now;
        }

        return [.. reports
            .SelectMany(r => r.Runtime.Methods.Select(m => (r.Silo, m)))
            .GroupBy(x => (x.m.GrainType, x.m.Method))
            .Select(g =>
            {
                var merged = LatencyHistogram.Merge(g.Select(x => x.m.LatencyBuckets ?? new Dictionary<int, long>()));
                return new ClusterMethodFigures(
                    g.Key.GrainType,
                    g.Key.Method,
                    g.Sum(x => x.m.Calls),
                    g.Sum(x => x.m.Errors),
                    Math.Round(g.Sum(x => x.m.Calls - previous.GetValueOrDefault((x.Silo, x.m.GrainType, x.m.Method))) / seconds, 1),
                    merged.Quantile(0.5),
                    merged.Quantile(0.99));
            })
            .OrderByDescending(m => m.Calls)];
    }

    private static Dictionary<string, int> ActivationsByType(List<SiloReport> reports) =>
        reports.SelectMany(r => r.Runtime.ActivationsByType)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
}
