using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Billing;
using Nija.Grains.Plans;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Billing;

/// <summary>
/// /api/v1/subscription: plans, current, subscribe, upgrade (or downgrade at the period end),
/// cancel, reactivate, payment methods, invoices, portal, usage and the invoice preview. The
/// /billing/* routes of the billing spec map these same handlers.
/// </summary>
internal static class SubscriptionEndpoints
{
    public static RouteGroupBuilder MapSubscriptionEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/plans", Plans).AllowAnonymous();
        group.MapGet("/current", Current);
        group.MapGet("/usage", Usage);
        group.MapGet("/invoice-preview", async (HttpContext http, UsageMeter meter) => Results.Ok(await meter.PreviewAsync(http.User.UserId())));
        group.MapGet("/invoices", async (HttpContext http, IGrainFactory grains) => Results.Ok(await Subscription(http, grains).Invoices(50)));
        group.MapGet("/payment-methods", PaymentMethods);
        group.MapGet("/portal", Portal);
        group.MapPost("/subscribe", Subscribe).RequireNoImpersonation();
        group.MapPost("/upgrade", ChangePlan).RequireNoImpersonation();
        group.MapPost("/change-plan", ChangePlan).RequireNoImpersonation();
        group.MapPost("/cancel", Cancel).RequireNoImpersonation();
        group.MapPost("/reactivate", async (HttpContext http, IGrainFactory grains) => Results.Ok(await Subscription(http, grains).Reactivate())).RequireNoImpersonation();
        group.MapPost("/payment-methods", async (Body<PaymentMethodRequest> body, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await Subscription(http, grains).SetPaymentMethod(body.Value.PaymentMethod))).RequireNoImpersonation();
        return group;
    }

    /// <summary>The billing spec's routes, as aliases of the handlers above.</summary>
    public static WebApplication MapBillingAliases(this WebApplication app)
    {
        app.MapGet("/pricing", Plans).AllowAnonymous().WithTags("billing");
        var billing = app.MapGroup("/billing").WithTags("billing").RequireAuthorization();
        billing.MapPost("/subscribe", Subscribe).RequireNoImpersonation();
        billing.MapGet("/status", Current);
        billing.MapPost("/upgrade", ChangePlan).RequireNoImpersonation();
        billing.MapPost("/cancel", Cancel).RequireNoImpersonation();
        billing.MapGet("/payment-methods", PaymentMethods);
        billing.MapGet("/portal", Portal);
        return app;
    }

    private static IResult Plans(PlanCatalog plans) => Results.Ok(plans.All.Select(p => new
    {
        plan = p.Tier,
        monthlyPriceUsd = p.MonthlyPriceUsd,
        yearlyPriceUsd = p.YearlyPriceUsd,
        yearlyDiscountPct = p.MonthlyPriceUsd == 0 ? 0 : decimal.Round(100m * (1 - p.YearlyPriceUsd / (12 * p.MonthlyPriceUsd)), 1),
        limits = p,
    }));

    private static async Task<IResult> Current(HttpContext http, IGrainFactory grains, PlanCatalog plans)
    {
        var subscription = await Subscription(http, grains).Get();
        return Results.Ok(new { subscription, limits = plans.For(subscription.Plan) });
    }

    private static async Task<IResult> Subscribe(Body<SubscribeRequest> body, HttpContext http, IGrainFactory grains) =>
        Results.Ok(await Subscription(http, grains).Subscribe(body.Value.Plan, body.Value.Interval));

    private static async Task<IResult> ChangePlan(Body<ChangePlanRequest> body, HttpContext http, IGrainFactory grains) =>
        Results.Ok(await Subscription(http, grains).ChangePlan(body.Value.Plan));

    private static async Task<IResult> Cancel(HttpContext http, IGrainFactory grains) => Results.Ok(await Subscription(http, grains).Cancel());

    private static async Task<IResult> PaymentMethods(HttpContext http, IGrainFactory grains)
    {
        var subscription = await Subscription(http, grains).Get();
        return Results.Ok(subscription.PaymentMethod is { } method ? new[] { new { id = method, isDefault = true } } : []);
    }

    private static async Task<IResult> Portal(string? returnUrl, HttpContext http, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<BillingOptions> options)
    {
        var back = returnUrl ?? options.Value.PublicBaseUrl.TrimEnd('/') + "/billing";
        if (!Uri.TryCreate(back, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Problems.Field("returnUrl", "returnUrl must be an absolute http(s) URL.");
        }

        return Results.Ok(new { url = await Subscription(http, grains).PortalUrl(back) });
    }

    private static async Task<IResult> Usage(HttpContext http, UsageMeter meter, IGrainFactory grains)
    {
        var m = await meter.ReadAsync(http.User.UserId());
        return Results.Ok(new
        {
            plan = m.Subscription.Plan,
            period = new { start = m.PeriodStart, end = m.PeriodEnd },
            apiCalls = new { used = m.ApiCalls, included = m.IncludedCalls, overage = m.OverageCalls, overageRateUsd = m.OverageRateUsd, overageUsd = m.OverageUsd },
            trades = m.Trades,
            days = m.Days,
            limits = await grains.GetGrain<ITradingGrain>(http.User.UserId()).GetUsage(),
        });
    }

    private static ISubscriptionGrain Subscription(HttpContext http, IGrainFactory grains) => grains.GetGrain<ISubscriptionGrain>(http.User.UserId());
}
