using Nija.Api.Account;
using Nija.Api.Admin;
using Nija.Api.Auth;
using Nija.Api.Backtests;
using Nija.Api.Billing;
using Nija.Api.Config;
using Nija.Api.Demo;
using Nija.Api.Health;
using Nija.Api.Live;
using Nija.Api.Onboarding;
using Nija.Api.Runtime;
using Nija.Api.Telemetry;
using Nija.Api.Trading;
using Nija.Api.Webhooks;

namespace Nija.Api.Hosting;

/// <summary>Every endpoint group under /api/v1, the hub, health, metrics and the OpenAPI document.</summary>
internal static class EndpointExtensions
{
    public static WebApplication MapNijaEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/openapi", () => Results.Content(OpenApiPage.Html, "text/html")).ExcludeFromDescription();
        var exporter = app.Services.GetRequiredService<PrometheusExporter>(); // listening from the start, not from the first scrape
        app.MapGet("/metrics", () => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8")).ExcludeFromDescription();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapBillingAliases();
        app.MapStripeWebhooks();
        app.MapMidtransNotifications();

        var v1 = app.MapGroup("/api/v1");
        v1.MapGroup("/auth").WithTags("auth").MapAuthEndpoints();
        v1.MapGroup("/onboarding").WithTags("onboarding").RequireAuthorization().MapOnboardingEndpoints();
        v1.MapGroup("/trading").WithTags("trading").RequireAuthorization().MapTradingEndpoints();
        v1.MapGroup("/account").WithTags("account").RequireAuthorization().MapAccountEndpoints();
        v1.MapGroup("/config").WithTags("config").RequireAuthorization().MapConfigEndpoints();
        v1.MapGroup("/subscription").WithTags("subscription").RequireAuthorization().MapSubscriptionEndpoints();
        v1.MapGroup("/backtests").WithTags("backtests").RequireAuthorization().MapBacktestEndpoints();
        v1.MapGroup("/admin").WithTags("admin").RequireAuthorization(NijaPolicies.Admin).MapAdminEndpoints();
        v1.MapGroup("/webhooks").WithTags("webhooks").MapTradingViewEndpoints();
        v1.MapGroup("/demo").WithTags("demo").MapDemoEndpoints();
        v1.MapGroup("/runtime").WithTags("runtime").MapRuntimeEndpoints();
        return app;
    }
}
