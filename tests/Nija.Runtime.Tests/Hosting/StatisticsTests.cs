using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Nija.Runtime.Metrics;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Hosting;

public sealed class StatisticsTests
{
    [Fact]
    public async Task The_snapshot_counts_calls_and_errors_per_grain_type_and_method_and_activations_per_type()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var grain = silo.GrainFactory.GetGrain<IContextGrain>("stats");
        await grain.TenantHere();
        await grain.TenantHere();
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail());
        await silo.GrainFactory.GetGrain<IContextGrain>("stats-2").TenantHere();

        var snapshot = silo.Statistics.GetSnapshot();

        var here = snapshot.Methods.Single(m => m.GrainType == "context" && m.Method == "IContextGrain.TenantHere");
        var fail = snapshot.Methods.Single(m => m.Method == "IContextGrain.Fail");
        Assert.Equal((3, 0), (here.Calls, here.Errors));
        Assert.Equal((1, 1), (fail.Calls, fail.Errors));
        Assert.True(here.P99Ms >= here.P50Ms && here.P50Ms > 0);
        Assert.Equal(2, snapshot.ActivationsByType["context"]);
    }

    [Fact]
    public async Task Calls_are_published_as_System_Diagnostics_Metrics()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var meter = silo.Services.GetRequiredService<RuntimeInstruments>().Meter; // this silo's, not a parallel test's
        var measured = new List<(string Instrument, long Value, string? Method)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? method = null;
            foreach (var t in tags)
            {
                if (t.Key == "grain.method")
                {
                    method = t.Value as string;
                }
            }

            lock (measured)
            {
                measured.Add((instrument.Name, value, method));
            }
        });
        listener.Start();

        await silo.GrainFactory.GetGrain<IContextGrain>("metered").TenantHere();

        lock (measured)
        {
            Assert.Contains(("nija.grain.calls", 1L, "IContextGrain.TenantHere"), measured);
        }
    }

    [Fact]
    public void The_latency_histogram_reports_quantiles_within_a_bucket_of_the_truth()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 100; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(i));
        }

        Assert.InRange(histogram.Quantile(0.5), 50, 50 * 1.2);
        Assert.InRange(histogram.Quantile(0.99), 99, 99 * 1.2);
    }

    [Fact]
    public void Histograms_merged_from_several_silos_give_the_quantiles_of_all_their_calls_together()
    {
        // A fast silo with most of the calls, a slow one with a few: the worst silo's median would say 100 ms.
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var i = 0; i < 150; i++)
        {
            fast.Record(TimeSpan.FromMilliseconds(1));
        }

        for (var i = 0; i < 50; i++)
        {
            slow.Record(TimeSpan.FromMilliseconds(100));
        }

        var merged = LatencyHistogram.Merge([fast.Buckets(), slow.Buckets()]);

        Assert.Equal(200, merged.Count);
        Assert.InRange(merged.Quantile(0.5), 1, 1.2);
        Assert.InRange(merged.Quantile(0.99), 100, 120);
        Assert.InRange(slow.Quantile(0.5), 100, 120);
    }
}
