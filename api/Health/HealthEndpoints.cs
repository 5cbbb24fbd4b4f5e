using Nija.Runtime.Cluster;
using Nija.Runtime.Sql;

namespace Nija.Api.Health;

/// <summary>GET /api/health (the process answers) and GET /api/ready (the store answers a query; the silo is running).</summary>
internal static class HealthEndpoints
{
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapGet("/api/ready", async (StorageProbe probe, ClusterView cluster, CancellationToken cancellationToken) =>
        {
            var (ok, detail) = await probe.CheckAsync(cancellationToken);
            if (!ok)
            {
                return Results.Problem(statusCode: 503, title: "Not ready: the store does not answer.", detail: detail);
            }

            // In a cluster the API is only useful once some silo owns grains.
            var silos = cluster.IsEnabled ? cluster.Snapshot.Active.Count : 1;
            return silos > 0
                ? Results.Ok(new { status = "ready", storage = detail, activeSilos = silos })
                : Results.Problem(statusCode: 503, title: "Not ready: no silo of the cluster is active.", detail: $"Membership view {cluster.Version}.");
        }).AllowAnonymous();
        return app;
    }
}

/// <summary>Asks the silo's SQL store for "SELECT 1" (memory storage is always ready).</summary>
internal sealed class StorageProbe(IServiceProvider services, Type? dialectType)
{
    public async Task<(bool Ok, string Detail)> CheckAsync(CancellationToken cancellationToken)
    {
        if (dialectType is null)
        {
            return (true, "memory");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var dialect = (SqlDialect)services.GetRequiredService(dialectType);
            await using var connection = await dialect.OpenAsync(timeout.Token);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT 1";
            await cmd.ExecuteScalarAsync(timeout.Token);
            return (true, dialectType.Name.Replace("Dialect", "", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            return (false, $"{dialectType.Name.Replace("Dialect", "", StringComparison.Ordinal)}: {e.GetType().Name}");
        }
    }
}
