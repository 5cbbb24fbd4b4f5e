namespace Nija.Runtime.Metrics;

/// <summary>Counters and latency of one method of one grain type.</summary>
public sealed class GrainMethodStats
{
    private readonly RuntimeInstruments _instruments;
    private readonly KeyValuePair<string, object?>[] _tags;
    private long _calls;
    private long _errors;

    internal GrainMethodStats(string grainType, string method, RuntimeInstruments instruments)
    {
        GrainType = grainType;
        Method = method;
        _instruments = instruments;
        _tags = [new("grain.type", grainType), new("grain.method", method)];
    }

    /// <summary>The grain type.</summary>
    public string GrainType { get; }

    /// <summary>"Interface.Method".</summary>
    public string Method { get; }

    /// <summary>Calls completed, failed ones included.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls that failed.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Latency from send to response.</summary>
    public LatencyHistogram Latency { get; } = new();

    internal void Record(TimeSpan elapsed, bool failed)
    {
        Interlocked.Increment(ref _calls);
        Latency.Record(elapsed);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        var tags = new ReadOnlySpan<KeyValuePair<string, object?>>(_tags);
        if (_instruments.Calls.Enabled)
        {
            _instruments.Calls.Add(1, tags);
        }

        if (failed && _instruments.Errors.Enabled)
        {
            _instruments.Errors.Add(1, tags);
        }

        if (_instruments.Duration.Enabled)
        {
            _instruments.Duration.Record(elapsed.TotalMilliseconds, tags);
        }
    }
}
