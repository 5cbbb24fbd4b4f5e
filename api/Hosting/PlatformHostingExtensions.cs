using Nija.Api.Demo;
using Nija.Api.Runtime;
using Nija.Grains.Demo;
using Nija.Grains.Hosting;
using Nija.Runtime.Hosting;

namespace Nija.Api.Hosting;

/// <summary>What Program.cs is made of: the co-hosted silo, problem details, the endpoint groups.</summary>
public static class PlatformHostingExtensions
{
    /// <summary>The embedded default: a silo in this process on the configured store (SQLite under ./data).</summary>
    public static WebApplicationBuilder AddNijaPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.UseNijaSilo(silo => silo.AddGrains(typeof(GreeterGrain).Assembly).UseConfiguredStorage().AddTradingServices());
        return builder;
    }

    /// <summary>Errors as RFC 7807 problem+json, the dashboard page and the API groups.</summary>
    public static WebApplication MapNijaPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGroup("/api/v1/demo").MapDemoEndpoints();
        app.MapGroup("/api/v1/runtime").MapRuntimeEndpoints();
        return app;
    }
}
