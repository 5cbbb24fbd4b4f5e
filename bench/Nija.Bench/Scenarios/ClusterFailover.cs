using System.Diagnostics;
using Nija.GrainInterfaces.Demo;
using Nija.Bench.Support;
using Nija.Runtime.Abstractions.Core;
using Nija.Tests.Shared;

namespace Nija.Bench.Scenarios;

/// <summary>
/// kill -9 of a silo process, again and again: the time from the kill to the first successful call
/// to a grain that lived on it (now answered by another silo), with the default detection settings.
/// </summary>
public static class ClusterFailover
{
    public static async Task RunAsync(Report report, string postgres, int kills)
    {
        report.Heading("Failover time after kill -9",
            $"Three silo processes (silo/Nija.Silo.dll, default membership settings: probes every 1 s, 2 s probe timeout, 3 missed probes, 2 votes) " +
            $"and a client in this process. {kills} rounds: kill -9 one silo (in turn), then call a grain it owned until a call succeeds; " +
            "the figure is kill to first success. The killed silo is restarted (a new generation) before the next round.");
        await using var cluster = new BenchCluster(postgres);
        var dir = Directory.CreateTempSubdirectory("nija-bench-failover").FullName;
        var ports = Enumerable.Range(0, 3).Select(_ => ListenPorts.Next()).ToArray();
        var silos = ports.Select(p => Start(cluster, p, dir)).ToArray();
        foreach (var silo in silos)
        {
            await silo.WaitForLogAsync("Application started", TimeSpan.FromSeconds(60));
        }

        var client = await cluster.StartAsync(client: true);
        await BenchCluster.WaitForViewAsync(client, 3);
        var view = BenchCluster.View(client);
        var grains = BenchCluster.Grains(client);
        var times = new List<double>();
        try
        {
            for (var round = 0; round < kills; round++)
            {
                var victim = round % 3;
                var grain = Enumerable.Range(round * 10_000, 10_000).Select(i => grains.GetGrain<ICounterGrain>($"f{i}"))
                    .First(g => view.Ring.OwnerOf(g.GetGrainId())?.Port == ports[victim]);
                await grain.Add($"r{round}-before", 1);
                var clock = Stopwatch.StartNew();
                silos[victim].Kill();
                while (true)
                {
                    try
                    {
                        await grain.Add($"r{round}-after", 1);
                        break;
                    }
                    catch (Exception e) when (e is SiloUnavailableException or TimeoutException)
                    {
                        // Not failed over yet.
                    }
                }

                times.Add(clock.Elapsed.TotalSeconds);
                await silos[victim].DisposeAsync();
                silos[victim] = Start(cluster, ports[victim], dir);
                await silos[victim].WaitForLogAsync("Application started", TimeSpan.FromSeconds(60));
                await BenchCluster.WaitForViewAsync(client, 3);
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }

        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)(times.Count * q))];
        report.Table(["kills", "min s", "p50 s", "p99 s", "max s", "goal"],
            [[times.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.N(times[0], 2), Report.N(At(0.5), 2), Report.N(At(0.99), 2), Report.N(times[^1], 2), "p99 ≤ 10 s"]]);
    }

    private static SiloProcess Start(BenchCluster cluster, int port, string dir)
    {
        var settings = cluster.Settings().ToDictionary(kv => kv.Key, kv => kv.Value ?? "");
        settings["Nija:Cluster:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Nija:DataDir"] = Path.Combine(dir, $"silo-{port}");
        settings["Nija:Vault:MasterKeys:bench-1"] = Convert.ToBase64String(new byte[32]);
        settings["Nija:Vault:ActiveKeyId"] = "bench-1";
        settings["urls"] = "http://127.0.0.1:0";
        return SiloProcess.Start(port, Path.Combine(dir, $"silo-{port}.log"), settings);
    }
}
