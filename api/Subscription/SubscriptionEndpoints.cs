using Nija.Api.Audit;
using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Plans;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Subscription;

/// <summary>
/// /api/v1/subscription: plans, current, upgrade, cancel, usage. Until billing lands, a plan change
/// takes effect at once with no payment step (the embedded default's offline mode).
/// </summary>
internal static class SubscriptionEndpoints
{
    public static RouteGroupBuilder MapSubscriptionEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/plans", () => Results.Ok(PlanCatalog.Defaults.Values.OrderBy(p => p.Tier))).AllowAnonymous();
        group.MapGet("/current", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IUserAccountGrain>(http.User.UserId()).Get() is { } profile
                ? Results.Ok(new { plan = profile.Plan, limits = PlanCatalog.Defaults[profile.Plan] })
                : Problems.NotFound("The account"));
        group.MapGet("/usage", async (HttpContext http, IGrainFactory grains) => Results.Ok(await grains.GetGrain<ITradingGrain>(http.User.UserId()).GetUsage()));
        group.MapPost("/upgrade", async (Body<ChangePlanRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            if (body.Value.Plan is PlanTier.Alpha or PlanTier.Free || !Enum.IsDefined(body.Value.Plan))
            {
                return Problems.Field("plan", "plan must be Basic, Pro or Enterprise (Alpha is granted by an admin; Free is reached by cancelling).");
            }

            var profile = await grains.GetGrain<IUserAccountGrain>(http.User.UserId()).SetPlan(body.Value.Plan, http.User.UserId());
            await audit.RecordAsync("subscription.upgrade", profile.UserId, $"plan {profile.Plan}");
            return Results.Ok(new { plan = profile.Plan, limits = PlanCatalog.Defaults[profile.Plan] });
        }).RequireNoImpersonation();
        group.MapPost("/cancel", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var profile = await grains.GetGrain<IUserAccountGrain>(http.User.UserId()).SetPlan(PlanTier.Free, http.User.UserId());
            await audit.RecordAsync("subscription.cancel", profile.UserId, "back to Free");
            return Results.Ok(new { plan = profile.Plan, limits = PlanCatalog.Defaults[profile.Plan] });
        }).RequireNoImpersonation();
        return group;
    }
}

internal sealed record ChangePlanRequest(PlanTier Plan);
