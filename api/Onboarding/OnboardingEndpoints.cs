using Nija.Api.Audit;
using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.GrainInterfaces.Auth;
using Nija.GrainInterfaces.Onboarding;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Onboarding;

/// <summary>/api/v1/onboarding: status, verify-email {code}, tutorial-complete, activate. Steps only in order (409 otherwise).</summary>
internal static class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboardingEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/status", async (HttpContext http, IGrainFactory grains) => Results.Ok(await Onboarding(http, grains).GetStatus()));
        group.MapPost("/verify-email", async (Body<TotpCodeRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var email = http.User.FindFirst(NijaClaims.Email)?.Value ?? "";
            if (!await grains.GetGrain<ILoginGrain>(email).RedeemCode(OneTimeCodePurpose.VerifyEmail, body.Value.Code))
            {
                return Problems.Field("code", "The code is wrong, used or expired.");
            }

            var status = await Onboarding(http, grains).Advance(OnboardingStep.EmailVerified);
            await audit.RecordAsync("onboarding.email-verified", http.User.UserId(), "e-mail verified");
            return Results.Ok(status);
        }).RequireNoImpersonation();
        group.MapPost("/tutorial-complete", async (HttpContext http, IGrainFactory grains) =>
            Results.Ok(await Onboarding(http, grains).Advance(OnboardingStep.TutorialCompleted))).RequireNoImpersonation();
        group.MapPost("/activate", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var status = await Onboarding(http, grains).Advance(OnboardingStep.Active);
            await audit.RecordAsync("onboarding.activated", http.User.UserId(), "account activated");
            return Results.Ok(status);
        }).RequireNoImpersonation();
        return group;
    }

    private static IOnboardingGrain Onboarding(HttpContext http, IGrainFactory grains) => grains.GetGrain<IOnboardingGrain>(http.User.UserId());
}
