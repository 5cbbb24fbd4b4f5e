using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Nija.Api.Telemetry;

/// <summary>
/// Serves the process's metrics in the Prometheus text exposition format (version 0.0.4): counters as
/// _total, up-down counters and gauges as gauges, histograms as cumulative buckets with _sum and
/// _count. prometheus-net does not restore here, so this listens to System.Diagnostics.Metrics itself.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly string[] Meters = ["Nija.Runtime", ApiInstruments.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections"];
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();
    private readonly ConcurrentDictionary<string, string> _labelNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _labelSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _labelSetsBySpan;

    public PrometheusExporter()
    {
        _labelSetsBySpan = _labelSets.GetAlternateLookup<ReadOnlySpan<char>>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _series.GroupBy(s => s.Key.Instrument).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var instrument = group.Key;
            var name = Name(instrument);
            var kind = Kind(instrument);
            text.Append("# HELP ").Append(name).Append(' ').AppendLine(instrument.Description ?? instrument.Name);
            text.Append("# TYPE ").Append(name).Append(' ').AppendLine(kind);
            foreach (var (key, series) in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                series.Write(text, kind == "counter" ? name + "_total" : name, key.Labels, kind == "histogram");
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd((instrument, labels), _ => new Series());
        var kind = Kind(instrument);
        series.Add(value, kind == "histogram" ? Scale(instrument, value) : value, instrument.IsObservable);
    }

    // Histograms are exposed in seconds, as Prometheus expects, whatever unit the instrument uses.
    private static double Scale(Instrument instrument, double value) => instrument.Unit switch
    {
        "ms" => value / 1_000,
        "us" or "µs" => value / 1_000_000,
        _ => value,
    };

    private static string Kind(Instrument instrument) => instrument switch
    {
        Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => "counter",
        Histogram<long> or Histogram<int> or Histogram<double> => "histogram",
        _ => "gauge",
    };

    private static string Name(Instrument instrument)
    {
        var name = new string([.. instrument.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return Kind(instrument) == "histogram" && instrument.Unit is "s" or "ms" or "us" or "µs" ? name + "_seconds" : name;
    }

    // Called for every measurement, several per request: the labels are written into a stack buffer and
    // looked up among the label sets seen before, so a known combination allocates nothing. No sort
    // (instruments send their tags in a stable order); label names sanitised once per name.
    private string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        Span<char> buffer = stackalloc char[256];
        if (!TryWriteLabels(tags, buffer, out var length))
        {
            return BuildLabels(tags); // long, or a value that needs escaping: rare enough to pay for a builder
        }

        var text = buffer[..length];
        if (_labelSetsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = new string(text);
        return _labelSets.GetOrAdd(created, created);
    }

    private bool TryWriteLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags, Span<char> buffer, out int length)
    {
        length = 0;
        foreach (var tag in tags)
        {
            var name = LabelName(tag.Key);
            if (length + name.Length + 5 > buffer.Length)
            {
                return false;
            }

            if (length > 0)
            {
                buffer[length++] = ',';
            }

            name.CopyTo(buffer[length..]);
            length += name.Length;
            buffer[length++] = '=';
            buffer[length++] = '"';
            int written;
            if (tag.Value is ISpanFormattable formattable)
            {
                if (!formattable.TryFormat(buffer[length..], out written, default, CultureInfo.InvariantCulture))
                {
                    return false;
                }
            }
            else
            {
                var value = tag.Value as string ?? Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
                if (value.AsSpan().IndexOfAny('\\', '"', '\n') >= 0 || !value.AsSpan().TryCopyTo(buffer[length..]))
                {
                    return false;
                }

                written = value.Length;
            }

            length += written;
            if (length >= buffer.Length)
            {
                return false;
            }

            buffer[length++] = '"';
        }

        return true;
    }

    private string BuildLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder(64);
        foreach (var tag in tags)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            var value = tag.Value as string ?? Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            text.Append(LabelName(tag.Key)).Append("=\"")
                .Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
                .Append('"');
        }

        return text.ToString();
    }

    private string LabelName(string key) => _labelNames.GetOrAdd(key, static k => new string([.. k.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]));

    private sealed class Series
    {
        private readonly Lock _lock = new();
        private readonly long[] _buckets = new long[Buckets.Length];
        private double _sum;
        private long _count;
        private double _value;

        public void Add(double raw, double scaled, bool replace)
        {
            lock (_lock)
            {
                _value = replace ? raw : _value + raw;
                _sum += scaled;
                _count++;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    if (scaled <= Buckets[i])
                    {
                        _buckets[i]++;
                    }
                }
            }
        }

        public void Write(StringBuilder text, string name, string labels, bool histogram)
        {
            lock (_lock)
            {
                if (!histogram)
                {
                    text.Append(name).Append(Braces(labels)).Append(' ').AppendLine(_value.ToString("R", CultureInfo.InvariantCulture));
                    return;
                }

                for (var i = 0; i < Buckets.Length; i++)
                {
                    text.Append(name).Append("_bucket").Append(Braces(Join(labels, $"le=\"{Buckets[i].ToString(CultureInfo.InvariantCulture)}\""))).Append(' ')
                        .AppendLine(_buckets[i].ToString(CultureInfo.InvariantCulture));
                }

                text.Append(name).Append("_bucket").Append(Braces(Join(labels, "le=\"+Inf\""))).Append(' ').AppendLine(_count.ToString(CultureInfo.InvariantCulture));
                text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').AppendLine(_sum.ToString("R", CultureInfo.InvariantCulture));
                text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').AppendLine(_count.ToString(CultureInfo.InvariantCulture));
            }
        }

        private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

        private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";
    }
}
