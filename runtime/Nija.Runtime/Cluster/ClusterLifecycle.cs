using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nija.Runtime.Activation;
using Nija.Runtime.Networking;

namespace Nija.Runtime.Cluster;

/// <summary>
/// How a clustered process starts and stops. A silo listens, joins and turns Active; at stop it
/// turns ShuttingDown (so calls go to the grains' next owners), lets its grains deactivate and write
/// their state, then leaves (Dead). A silo declared dead by its peers drops its grains without
/// writing and stops the host. A client only reads membership.
/// </summary>
internal sealed class ClusterLifecycle(
    ClusterView view,
    MembershipAgent agent,
    SiloListener listener,
    ConnectionPool pool,
    Rebalancer rebalancer,
    MessageRouter router,
    Metrics.LocalSiloReporter reporter,
    Catalog catalog,
    GrainLocator locator,
    TimeProvider time,
    IOptions<ClusterOptions> options,
    IHostApplicationLifetime lifetime)
{
    public bool IsEnabled => view.IsEnabled;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await locator.InitializeAsync(cancellationToken);
        if (view.IsClient)
        {
            await agent.StartClientAsync(cancellationToken);
            return;
        }

        agent.DeclaredDead += () =>
        {
            catalog.Abandon();
            lifetime.StopApplication();
        };
        router.LocalReport = reporter.Report;
        listener.Start();
        var self = new SiloAddress(options.Value.AdvertisedHost, listener.Port, time.GetUtcNow().ToUnixTimeMilliseconds());
        await agent.JoinAsync(self, cancellationToken);
        rebalancer.Start();
    }

    /// <summary>Before the grains deactivate: stop owning anything.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (!view.IsClient && !agent.WasDeclaredDead && view.Self is not null)
        {
            await agent.SetStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
        }
    }

    /// <summary>After the grains are gone: leave the table and close every connection.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!view.IsClient && !agent.WasDeclaredDead && view.Self is { } self)
        {
            // Each activation removed its own entry; this clears any whose removal failed.
            await locator.UnregisterSiloAsync(self, cancellationToken);
            await agent.SetStatusAsync(SiloStatus.Dead, cancellationToken);
        }

        await rebalancer.DisposeAsync();
        await agent.DisposeAsync();
        await listener.DisposeAsync();
        await pool.DisposeAsync();
    }
}
