using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nija.Grains.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;
using Nija.Runtime.PostgreSql;
using Npgsql;

namespace Nija.Cluster.Tests.Support;

/// <summary>
/// A deployment of its own (a fresh service id on the shared test PostgreSQL): silo processes, an
/// in-process cluster client, and direct reads of the membership table.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _all = [];
    private readonly PostgreSqlDialect _dialect = new(NpgsqlDataSource.Create(ClusterSettings.ConnectionString), 1);
    private readonly Lazy<Task> _schema;
    private IHost? _client;

    public TestCluster(string name)
    {
        ServiceId = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)];
        LogDir = Path.Combine(Path.GetTempPath(), "nija-cluster-tests", ServiceId);
        Directory.CreateDirectory(LogDir);
        Table = new SqlMembershipTable(_dialect);
        _schema = new Lazy<Task>(() => Table.InitializeAsync(CancellationToken.None));
    }

    public string ServiceId { get; }

    public string LogDir { get; }

    public SqlMembershipTable Table { get; }

    /// <summary>The silos started and not yet killed or stopped, by endpoint.</summary>
    public Dictionary<string, SiloProcess> Silos { get; } = [];

    public IStreamProvider Streams => _client?.Services.GetRequiredService<IStreamProvider>() ?? throw new InvalidOperationException("Start the client first.");

    /// <summary>The client's view of the cluster (membership and the silos' reported activation counts).</summary>
    public ClusterView ClientView => _client?.Services.GetRequiredService<ClusterView>() ?? throw new InvalidOperationException("Start the client first.");

    public IGrainFactory Grains => _client?.Services.GetRequiredService<IGrainFactory>() ?? throw new InvalidOperationException("Start the client first.");

    /// <summary>Starts silos on free ports and waits until all are Active.</summary>
    public async Task<IReadOnlyList<SiloProcess>> StartSilosAsync(int count)
    {
        var started = Enumerable.Range(0, count).Select(_ => StartSilo(ListenPorts.Next())).ToList();
        foreach (var silo in started)
        {
            await WaitActiveAsync(silo);
        }

        return started;
    }

    public SiloProcess StartSilo(int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = ClusterSettings.ForSilo(ServiceId, port);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var silo = SiloProcess.Start(port, Path.Combine(LogDir, $"silo-{port}-{_all.Count}.log"), all);
        _all.Add(silo);
        Silos[silo.Endpoint] = silo;
        return silo;
    }

    public void Forget(SiloProcess silo) => Silos.Remove(silo.Endpoint);

    public async Task StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = ClusterSettings.Common(ServiceId);
        settings["Nija:Cluster:Role"] = "Client";
        builder.Configuration.AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)));
        builder.UseNijaSilo(silo => silo.AddGrains(typeof(CounterGrain).Assembly, t => t == typeof(CounterGrain) || t == typeof(BufferedCounterGrain) || t.IsSubclassOf(typeof(PlacedCounterGrain))).UsePostgreSql());
        _client = builder.Build();
        await _client.StartAsync();
    }

    /// <summary>How many grain directory entries name a silo on <paramref name="endpoint"/>.</summary>
    public async Task<long> DirectoryEntriesAsync(string endpoint)
    {
        await using var connection = await _dialect.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM nija_grain_directory WHERE service_id = $1 AND address = $2";
        cmd.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = endpoint });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<MembershipSnapshot> ReadTableAsync()
    {
        // The table may be read before any silo has created it.
        await _schema.Value;
        return await Table.ReadAllAsync(ServiceId, CancellationToken.None);
    }

    /// <summary>Waits until the newest generation on the silo's endpoint is Active and the host has finished starting.</summary>
    public async Task<MembershipEntry> WaitActiveAsync(SiloProcess silo, TimeSpan? timeout = null)
    {
        var row = await WaitForRowAsync(silo, e => e.Status == SiloStatus.Active, timeout ?? TimeSpan.FromSeconds(30), "Active");
        await silo.WaitForLogAsync("Application started", timeout ?? TimeSpan.FromSeconds(30));
        return row;
    }

    public async Task<MembershipEntry> WaitForRowAsync(SiloProcess silo, Func<MembershipEntry, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // Whether it had exited before the read: a silo that stops writes its row first, so a row read after the exit is final.
            var exited = silo.HasExited;
            var row = (await ReadTableAsync()).Entries.Where(e => e.Silo.Endpoint == silo.Endpoint).MaxBy(e => e.Silo.Generation);
            if (row is not null && condition(row))
            {
                return row;
            }

            if (exited)
            {
                throw new InvalidOperationException($"Silo {silo.Endpoint} exited with code {silo.ExitCode} before it became {what} (row: {row}).\n{silo.LogTail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Silo {silo.Endpoint} did not become {what} within {timeout} (row: {row}).\n{silo.LogTail()}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var silo in _all)
        {
            await silo.DisposeAsync();
        }

        await _dialect.DisposeAsync();
    }
}
