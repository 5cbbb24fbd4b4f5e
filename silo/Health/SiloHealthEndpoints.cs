using Nija.Runtime.Cluster;

namespace Nija.Silo.Health;

/// <summary>
/// The silo's HTTP probes for orchestrators: <c>/healthz</c> (the process answers) and <c>/ready</c>
/// (the silo is Active in its cluster, so it owns grains and takes calls; always true outside a cluster).
/// </summary>
public static class SiloHealthEndpoints
{
    /// <summary>The probes' port unless --urls says otherwise.</summary>
    public const int DefaultPort = 8081;

    /// <summary>The liveness path.</summary>
    public const string Live = "/healthz";

    /// <summary>The readiness path.</summary>
    public const string Ready = "/ready";

    /// <summary>Maps both probes.</summary>
    public static WebApplication MapSiloHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Live, () => Results.Ok(new { status = "alive" }));
        app.MapGet(Ready, (ClusterView view) =>
        {
            if (!view.IsEnabled)
            {
                return Results.Ok(new { status = "ready", silo = view.SiloAddress });
            }

            var active = view.Self is { } self && view.Snapshot.Find(self)?.Status == SiloStatus.Active;
            return active
                ? Results.Ok(new { status = "ready", silo = view.SiloAddress, activeSilos = view.Snapshot.Active.Count })
                : Results.Json(new { status = "not ready", silo = view.SiloAddress }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
