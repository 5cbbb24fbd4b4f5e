using Nija.Api.Audit;
using Nija.Api.Common;
using Nija.GrainInterfaces.Auth;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>/api/v1/auth/2fa: enrol (secret, otpauth:// URI, ten backup codes), confirm with a first code, disable.</summary>
internal static class TwoFactorEndpoints
{
    public static RouteGroupBuilder MapTwoFactorEndpoints(this RouteGroupBuilder group)
    {
        var twoFactor = group.MapGroup("/2fa").RequireAuthorization(p => p.RequireAssertion(c => c.User.FindFirst(NijaClaims.Scope) is null && c.User.ActorId() is null));
        twoFactor.MapPost("/enroll", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var enrolment = await Login(http, grains).BeginTotp("Nija");
            await audit.RecordAsync("auth.2fa.enroll", http.User.UserId(), "2FA enrolment started");
            return Results.Ok(new { secret = enrolment.Secret, otpauthUri = enrolment.ProvisioningUri, backupCodes = enrolment.BackupCodes });
        });
        twoFactor.MapPost("/confirm", async (Body<TotpCodeRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            if (!await Login(http, grains).ConfirmTotp(body.Value.Code))
            {
                return Problems.Field("code", "The code does not match the secret being enrolled.");
            }

            await audit.RecordAsync("auth.2fa.enabled", http.User.UserId(), "2FA turned on");
            return Results.Ok(new { enabled = true });
        });
        twoFactor.MapPost("/disable", async (Body<TotpCodeRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            if (!await Login(http, grains).DisableTotp(body.Value.Code))
            {
                return Problems.Field("code", "The code is wrong or was already used.");
            }

            await audit.RecordAsync("auth.2fa.disabled", http.User.UserId(), "2FA turned off");
            return Results.Ok(new { enabled = false });
        });
        return group;
    }

    private static ILoginGrain Login(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<ILoginGrain>(http.User.FindFirst(NijaClaims.Email)?.Value ?? throw new InvalidOperationException("The token has no e-mail claim."));
}
