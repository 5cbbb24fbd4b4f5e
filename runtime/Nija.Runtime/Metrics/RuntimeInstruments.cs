using System.Diagnostics.Metrics;

namespace Nija.Runtime.Metrics;

/// <summary>
/// The runtime's System.Diagnostics.Metrics instruments (meter "Nija.Runtime"), created from the
/// host's IMeterFactory so that each silo has its own.
/// </summary>
public sealed class RuntimeInstruments
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "Nija.Runtime";

    /// <summary>Creates the instruments.</summary>
    public RuntimeInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        Calls = Meter.CreateCounter<long>("nija.grain.calls", description: "Grain calls completed, by grain type and method.");
        Errors = Meter.CreateCounter<long>("nija.grain.errors", description: "Grain calls that failed, by grain type and method.");
        Duration = Meter.CreateHistogram<double>("nija.grain.call.duration", unit: "ms", description: "Time from send to response.");
    }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>Calls completed.</summary>
    public Counter<long> Calls { get; }

    /// <summary>Calls failed.</summary>
    public Counter<long> Errors { get; }

    /// <summary>Call latency.</summary>
    public Histogram<double> Duration { get; }
}
