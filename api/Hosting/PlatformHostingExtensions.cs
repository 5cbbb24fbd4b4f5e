using Nija.Api.Telemetry;
using Nija.Grains.Demo;
using Nija.Grains.Hosting;
using Nija.Runtime.Hosting;

namespace Nija.Api.Hosting;

/// <summary>What Program.cs is made of: the co-hosted silo, the API's services, and the middleware and endpoint groups.</summary>
public static class PlatformHostingExtensions
{
    /// <summary>The embedded default: a silo in this process on the configured store (SQLite under ./data), and the API's services.</summary>
    public static WebApplicationBuilder AddNijaPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNijaLogging();
        builder.UseNijaSilo(silo => silo.AddGrains(typeof(GreeterGrain).Assembly).UseConfiguredStorage().AddTradingServices());
        builder.AddNijaApiServices();
        builder.AddNijaAuth();
        return builder;
    }

    /// <summary>Correlation ids, errors as RFC 7807 problem+json, auth, plan rate limits, the dashboard, and every endpoint group.</summary>
    public static WebApplication MapNijaPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCorrelationIds();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PlanRateLimitMiddleware>();
        app.MapNijaEndpoints();
        return app;
    }
}
