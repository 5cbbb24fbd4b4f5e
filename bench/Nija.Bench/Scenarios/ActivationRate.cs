using System.Collections.Concurrent;
using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Hosting;
using Nija.Runtime.Testing;

namespace Nija.Bench.Scenarios;

/// <summary>
/// Activations per second: from nothing (no state) and from storage (each activation reads a
/// ~200-byte state row). Baselines: creating plain objects in a dictionary, and reading the same
/// rows with raw SQL at the same concurrency.
/// </summary>
public static class ActivationRate
{
    private const int Concurrency = 256;

    public static async Task RunAsync(Report report, IReadOnlyList<BenchStore> stores)
    {
        report.Heading("Activation rate",
            $"Distinct grains each called once, {Concurrency} calls in flight. From empty: 100,000 grains without state. " +
            "From storage: 50,000 grains each reading a ~200-byte JSON state row written beforehand. " +
            "Baselines (same run): `ConcurrentDictionary.GetOrAdd` of a plain object; the same rows read by raw `SELECT` on pooled connections at the same concurrency.");
        var rows = new List<string[]>();

        await using (var silo = await TestSilo.StartAsync(s => s.AddGrains(typeof(AdderGrain).Assembly).UseInMemoryStorage()))
        {
            const int n = 100_000;
            var rate = await ParallelWork.RateAsync(n, Concurrency, i => silo.GrainFactory.GetGrain<IAdderGrain>(i).Add(1));
            var plain = new ConcurrentDictionary<int, StrongBox>();
            var baseline = await ParallelWork.RateAsync(n, Concurrency, i =>
            {
                plain.GetOrAdd(i, _ => new StrongBox()).Value++;
                return Task.CompletedTask;
            });
            rows.Add(["empty (no state)", Report.N(n), Report.N(rate), Report.N(baseline), "plain objects"]);
        }

        foreach (var store in stores)
        {
            const int n = 50_000;
            var service = "bench-" + Guid.NewGuid().ToString("N")[..8];
            var settings = new Dictionary<string, string?> { ["Nija:Silo:ServiceId"] = service };
            await using var silo = await TestSilo.StartAsync(s => store.UseInSilo(s.AddGrains(typeof(AccountGrain).Assembly)), settings: settings);
            await store.SeedAccountsAsync(service, n);

            var rate = await ParallelWork.RateAsync(n, Concurrency, i => silo.GrainFactory.GetGrain<IAccountGrain>(i).Balance());
            var baseline = await ParallelWork.RateAsync(n, Concurrency, async i =>
            {
                await using var c = await store.OpenRaw();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT payload, version FROM nija_grain_state WHERE service_id = @s AND grain_type = 'benchaccount' AND grain_key = @k AND state_name = 'account'";
                BenchStore.Add(cmd, "s", service);
                BenchStore.Add(cmd, "k", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await using var r = await cmd.ExecuteReaderAsync();
                await r.ReadAsync();
            });
            rows.Add([$"from {store.Name}", Report.N(n), Report.N(rate), Report.N(baseline), "raw SELECT"]);
        }

        report.Table(["activations", "grains", "activations/s", "baseline/s", "baseline"], rows);
    }

    private sealed class StrongBox
    {
        public int Value;
    }
}
