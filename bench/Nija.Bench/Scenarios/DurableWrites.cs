using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Testing;

namespace Nija.Bench.Scenarios;

/// <summary>
/// Durable state writes per second: many grains each writing in a loop (every write acknowledged
/// only after its commit). Baselines: a raw insert loop on one connection (autocommit, the same
/// durability), and the same loop on 64 connections at once.
/// </summary>
public static class DurableWrites
{
    private const int Grains = 1000;

    public static async Task RunAsync(Report report, TimeSpan duration, IReadOnlyList<BenchStore> stores)
    {
        report.Heading("Durable state writes",
            $"{Grains} grains, each in a loop `state.State.Balance += 1; await WriteStateAsync()` for {duration.TotalSeconds:0} s. " +
            "SQLite: WAL, synchronous=FULL; PostgreSQL: fsync=on, synchronous_commit=on. Baselines (same run, same engine, " +
            "~200-byte payload): a raw `INSERT` loop with autocommit on one connection, and on 64 connections.");
        var rows = new List<string[]>();
        foreach (var store in stores)
        {
            var service = "bench-" + Guid.NewGuid().ToString("N")[..8];
            await using var silo = await TestSilo.StartAsync(s => store.UseInSilo(s.AddGrains(typeof(AccountGrain).Assembly)),
                settings: new Dictionary<string, string?> { ["Nija:Silo:ServiceId"] = service });
            var grains = Enumerable.Range(0, Grains).Select(i => silo.GrainFactory.GetGrain<IAccountGrain>(i)).ToArray();
            await Task.WhenAll(grains.Select(g => g.Deposit(1)));
            var rate = await ParallelWork.ForDurationAsync(Grains, duration, w => grains[w].Deposit(1));

            await store.ExecuteAsync($"DROP TABLE IF EXISTS nija_bench_raw; CREATE TABLE nija_bench_raw (k BIGINT NOT NULL, payload {store.BlobType} NOT NULL)");
            var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(AccountState.Sample(1));
            var single = await RawInserts(store, 1, duration, payload);
            var many = store.Name == "SQLite" ? double.NaN : await RawInserts(store, 64, duration, payload);
            rows.Add([store.Name, Report.N(rate), Report.N(single), double.IsNaN(many) ? "n/a (one writer)" : Report.N(many)]);
        }

        report.Table(["store", "grain writes/s", "raw insert loop, 1 connection /s", "raw insert loop, 64 connections /s"], rows);
    }

    private static async Task<double> RawInserts(BenchStore store, int connections, TimeSpan duration, byte[] payload)
    {
        var open = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => store.OpenRaw()));
        try
        {
            return await ParallelWork.ForDurationAsync(connections, duration, async w =>
            {
                await using var cmd = open[w].CreateCommand();
                cmd.CommandText = "INSERT INTO nija_bench_raw (k, payload) VALUES (@k, @p)";
                BenchStore.Add(cmd, "k", (long)w);
                BenchStore.Add(cmd, "p", payload);
                await cmd.ExecuteNonQueryAsync();
            });
        }
        finally
        {
            foreach (var c in open)
            {
                await c.DisposeAsync();
            }
        }
    }
}
