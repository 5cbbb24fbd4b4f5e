using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nija.Bench.Grains;
using Nija.Grains.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;
using Nija.Runtime.PostgreSql;

namespace Nija.Bench.Support;

/// <summary>Silos (and a client) of one cluster in this process: each its own host, with real TCP between them over loopback.</summary>
public sealed class BenchCluster(string postgres) : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    public string ServiceId { get; } = $"bench-{Guid.NewGuid():N}"[..18];

    public IReadOnlyList<IHost> Hosts => _hosts;

    public async Task<IHost> StartAsync(bool client = false, int rebalancePerSecond = 500)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(Settings(client, rebalancePerSecond));
        // The counter is the grain the silo executable also hosts (the failover benchmark calls it there).
        builder.UseNijaSilo(s => s.AddGrains(typeof(AdderGrain).Assembly).AddGrains(typeof(CounterGrain).Assembly, t => t == typeof(CounterGrain)).UsePostgreSql());
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    /// <summary>The settings a silo or client of this cluster gets (also given to silo processes).</summary>
    public Dictionary<string, string?> Settings(bool client = false, int rebalancePerSecond = 500) => new()
    {
        ["Nija:Silo:ServiceId"] = ServiceId,
        ["Nija:Storage:Provider"] = "PostgreSql",
        ["Nija:Storage:PostgreSql:ConnectionString"] = postgres,
        ["Nija:Cluster:Enabled"] = "true",
        ["Nija:Cluster:Role"] = client ? "Client" : "Silo",
        ["Nija:Cluster:Port"] = "0",
        ["Nija:Cluster:ListenHost"] = "127.0.0.1",
        ["Nija:Cluster:RebalancePerSecond"] = rebalancePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static IGrainFactory Grains(IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public static ClusterView View(IHost host) => host.Services.GetRequiredService<ClusterView>();

    /// <summary>Waits until <paramref name="host"/> sees <paramref name="active"/> active silos.</summary>
    public static async Task WaitForViewAsync(IHost host, int active)
    {
        var view = View(host);
        for (var i = 0; view.Snapshot.Active.Count != active; i++)
        {
            if (i > 300)
            {
                throw new TimeoutException($"The view never reached {active} active silos.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
