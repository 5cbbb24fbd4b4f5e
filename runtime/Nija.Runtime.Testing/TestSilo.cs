using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Hosting;
using Nija.Runtime.Metrics;

namespace Nija.Runtime.Testing;

/// <summary>
/// An in-process silo for tests, in the spirit of Orleans's TestCluster: start it with chosen
/// storage, get its grain factory, deactivate a grain, restart it. A restart builds a new host from
/// the same configuration, so whatever storage the configuration points at is read again.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly Action<ISiloBuilder> _configureSilo;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private IHost? _host;

    private TestSilo(Action<ISiloBuilder> configureSilo, Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string?> settings, TimeProvider? time)
    {
        _configureSilo = configureSilo;
        _configureServices = configureServices;
        _settings = settings;
        _time = time;
    }

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The silo is not running.")).Services;

    /// <summary>The grain factory of the running silo.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's figures.</summary>
    public IRuntimeStatistics Statistics => Services.GetRequiredService<IRuntimeStatistics>();

    /// <summary>Operator controls of the silo.</summary>
    public ISiloControl Control => Services.GetRequiredService<ISiloControl>();

    /// <summary>Builds and starts a silo.</summary>
    /// <param name="configureSilo">Grains, storage, filters.</param>
    /// <param name="configureServices">Extra services (probes for tests).</param>
    /// <param name="settings">Configuration keys such as "Nija:Silo:ServiceId".</param>
    /// <param name="time">A clock, usually a <see cref="ManualTimeProvider"/>.</param>
    public static async Task<TestSilo> StartAsync(
        Action<ISiloBuilder> configureSilo,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var silo = new TestSilo(configureSilo, configureServices, settings ?? new Dictionary<string, string?>(), time);
        await silo.StartHostAsync();
        return silo;
    }

    /// <summary>Deactivates a grain now (its OnDeactivateAsync runs); the next call activates it again.</summary>
    public Task DeactivateAsync(IGrain grain) => Control.DeactivateAsync(grain.GetGrainId());

    /// <summary>Stops the silo gracefully (every grain deactivates) and starts a fresh one.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartHostAsync();
    }

    /// <summary>Stops the silo gracefully.</summary>
    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartHostAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(_settings);
        if (_time is not null)
        {
            builder.Services.AddSingleton(_time);
        }

        _configureServices?.Invoke(builder.Services);
        builder.UseNijaSilo(_configureSilo);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        _host = host;
    }
}
