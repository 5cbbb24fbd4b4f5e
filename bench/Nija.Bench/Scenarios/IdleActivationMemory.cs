using System.Diagnostics;
using System.Text.Json;
using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Testing;

namespace Nija.Bench.Scenarios;

/// <summary>Managed heap per idle activation holding a ~200-byte state, at 100,000 activations.</summary>
public static class IdleActivationMemory
{
    private const int Count = 100_000;

    public static async Task RunAsync(Report report)
    {
        report.Heading("Memory per idle activation",
            $"{Count:N0} activations of a grain with one ~200-byte persistent state, then idle. Heap measured after a full GC " +
            "before and after activating; stored payloads are in the heap in both readings. Baseline (same run): the same " +
            "state objects held in a plain dictionary.");
        var storage = new MemoryGrainStorage();
        for (var i = 0; i < Count; i++)
        {
            await storage.WriteAsync(new StateKey("nija", "benchaccount", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "account"),
                JsonSerializer.SerializeToUtf8Bytes(AccountState.Sample(i), JsonSerializerOptions.Web), null, default);
        }

        await using var silo = await TestSilo.StartAsync(s => s.AddGrains(typeof(AccountGrain).Assembly).UseInMemoryStorage(storage: storage));
        await silo.GrainFactory.GetGrain<IAccountGrain>(-1).Balance();
        var before = ManagedHeap.Measure();
        await ParallelWork.RateAsync(Count, 256, i => silo.GrainFactory.GetGrain<IAccountGrain>(i).Balance());
        var after = ManagedHeap.Measure();
        var perActivation = (after - before) / (double)Count;

        var plainBefore = ManagedHeap.Measure();
        var plain = new Dictionary<int, AccountState>();
        for (var i = 0; i < Count; i++)
        {
            plain[i] = AccountState.Sample(i);
        }

        var plainAfter = ManagedHeap.Measure();
        GC.KeepAlive(plain);
        report.Table(["activations", "heap growth", "bytes per activation", "baseline bytes per state object", "process working set"],
        [[
            Report.N(silo.Control.ActivationCount), $"{Report.N((after - before) / 1048576.0, 1)} MiB", Report.N(perActivation),
            Report.N((plainAfter - plainBefore) / (double)Count), $"{Report.N(Process.GetCurrentProcess().WorkingSet64 / 1048576.0)} MiB",
        ]]);
    }
}
