using System.Diagnostics.Metrics;
using Nija.Api.Telemetry;

namespace Nija.Api.Tests.Platform;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Counters_gauges_and_histograms_follow_the_text_exposition_format()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter(ApiInstruments.MeterName);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var counter = meter.CreateCounter<long>($"test.orders.{suffix}", description: "orders");
        var histogram = meter.CreateHistogram<double>($"test.latency.{suffix}", unit: "ms");
        meter.CreateObservableGauge($"test.open.{suffix}", () => 7);

        counter.Add(2, new KeyValuePair<string, object?>("status", "filled"));
        counter.Add(3, new KeyValuePair<string, object?>("status", "filled"));
        counter.Add(1, new KeyValuePair<string, object?>("status", "say \"hi\"\n"));
        histogram.Record(3); // 3 ms = 0.003 s
        histogram.Record(700);

        var text = exporter.Scrape();

        Assert.Contains($"# TYPE test_orders_{suffix} counter", text, StringComparison.Ordinal);
        Assert.Contains($"test_orders_{suffix}_total{{status=\"filled\"}} 5", text, StringComparison.Ordinal);
        Assert.Contains($"test_orders_{suffix}_total{{status=\"say \\\"hi\\\"\\n\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"# TYPE test_latency_{suffix}_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains($"test_latency_{suffix}_seconds_bucket{{le=\"0.0025\"}} 0", text, StringComparison.Ordinal);
        Assert.Contains($"test_latency_{suffix}_seconds_bucket{{le=\"0.005\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"test_latency_{suffix}_seconds_bucket{{le=\"+Inf\"}} 2", text, StringComparison.Ordinal);
        Assert.Contains($"test_latency_{suffix}_seconds_sum 0.703", text, StringComparison.Ordinal);
        Assert.Contains($"test_latency_{suffix}_seconds_count 2", text, StringComparison.Ordinal);
        Assert.Contains($"test_open_{suffix} 7", text, StringComparison.Ordinal);
        var again = exporter.Scrape(); // an observed gauge is replaced on each scrape, never summed
        Assert.Contains($"test_open_{suffix} 7", again, StringComparison.Ordinal);
        Assert.DoesNotContain($"test_open_{suffix} 14", again, StringComparison.Ordinal);
    }
}
