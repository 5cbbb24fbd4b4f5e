using Nija.Runtime.Metrics;

namespace Nija.Api.Runtime;

/// <summary>The silo's figures for the dashboard: calls, errors and latency per grain method, activations per type.</summary>
public static class RuntimeEndpoints
{
    /// <summary>Maps GET /stats.</summary>
    public static RouteGroupBuilder MapRuntimeEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/stats", (IRuntimeStatistics statistics) => Results.Ok(statistics.GetSnapshot()));
        return group;
    }
}
