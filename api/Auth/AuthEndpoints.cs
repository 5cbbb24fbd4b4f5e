using Microsoft.Extensions.Options;
using Nija.Api.Audit;
using Nija.Api.Common;
using Nija.Api.Email;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;
using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>/api/v1/auth: register, login (with the TOTP second factor), refresh with rotation, logout, password reset and change.</summary>
internal static class AuthEndpoints
{
    public const string TotpRequiredType = "https://nija.dev/problems/totp-required";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/register", Register).AllowAnonymous();
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/refresh", Refresh).AllowAnonymous();
        group.MapPost("/logout", Logout).AllowAnonymous();
        group.MapPost("/reset-password", RequestReset).AllowAnonymous();
        group.MapPost("/reset-password/confirm", ConfirmReset).AllowAnonymous();
        group.MapPost("/change-password", ChangePassword).RequireAuthorization();
        group.MapTwoFactorEndpoints();
        group.MapApiKeyEndpoints();
        return group;
    }

    private static async Task<IResult> Register(Body<RegisterRequest> body, AccountFactory accounts, Credentials credentials,
        IOptions<OnboardingOptions> onboarding, IGrainFactory grains, IEmailSender email, AuditWriter audit)
    {
        var r = body.Value;
        if (Credentials.EmailError(r.Email) is { } emailError)
        {
            return Problems.Field("email", emailError);
        }

        if (credentials.PasswordError(r.Password, "password") is { } passwordError)
        {
            return Problems.Field("password", passwordError);
        }

        if (onboarding.Value.RequireInvitation && string.IsNullOrWhiteSpace(r.InvitationCode))
        {
            return Problems.Field("invitationCode", "An invitation code is required to register.");
        }

        if (r.DisplayName is { Length: > 64 })
        {
            return Problems.Field("displayName", "displayName must be at most 64 characters.");
        }

        var created = await accounts.CreateAsync(r.Email, r.Password, r.DisplayName, UserRole.User, PlanTier.Free,
            string.IsNullOrWhiteSpace(r.InvitationCode) ? null : r.InvitationCode);
        if (created.Profile is not { } profile)
        {
            return created.Field == "email" ? Problems.Conflict(created.Error!) : Problems.Field(created.Field!, created.Error!);
        }

        var code = await grains.GetGrain<ILoginGrain>(profile.Email).IssueCode(OneTimeCodePurpose.VerifyEmail, TimeSpan.FromHours(24));
        await email.SendAsync(profile.Email, "Verify your e-mail for Nija", $"Your verification code is {code}. It expires in 24 hours.");
        await audit.RecordAsync("auth.register", profile.UserId, $"registered with plan {profile.Plan}", profile.UserId);
        return Results.Created($"/api/v1/account/profile", new { userId = profile.UserId });
    }

    private static async Task<IResult> Login(Body<LoginRequest> body, Credentials credentials, TokenService tokens, IGrainFactory grains, AuditWriter audit, TimeProvider time)
    {
        var r = body.Value;
        var login = grains.GetGrain<ILoginGrain>(Credentials.Normalize(r.Email ?? ""));
        var record = Credentials.EmailError(r.Email) is null ? await login.Get() : null;
        if (record?.LockedUntil is { } until)
        {
            var seconds = (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds);
            return Results.Problem(statusCode: 423, title: "The account is locked after repeated failed sign-ins.",
                detail: $"Try again in {seconds} seconds.", extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
        }

        if (!credentials.Verify(record?.PasswordHash, r.Password ?? "") || record is null)
        {
            if (record is not null)
            {
                await login.RecordFailure();
                await audit.RecordAsync("auth.login.failed", record.UserId, "wrong password", record.UserId);
            }

            return Problems.Unauthorized("The e-mail address or password is wrong.");
        }

        if (record.TotpEnabled)
        {
            if (string.IsNullOrWhiteSpace(r.TotpCode))
            {
                return Problems.Unauthorized("A second factor is required: send totpCode (an authenticator code or a backup code).", TotpRequiredType,
                    new Dictionary<string, object?> { ["totpRequired"] = true });
            }

            if (!await login.VerifySecondFactor(r.TotpCode))
            {
                await login.RecordFailure();
                await audit.RecordAsync("auth.2fa.failed", record.UserId, "wrong second factor", record.UserId);
                return Problems.Unauthorized("The second factor is wrong or was already used.", TotpRequiredType, new Dictionary<string, object?> { ["totpRequired"] = true });
            }
        }

        if (await grains.GetGrain<IUserAccountGrain>(record.UserId).Get() is not { } profile)
        {
            return Problems.Unauthorized("The e-mail address or password is wrong.");
        }

        await login.RecordSuccess();
        await audit.RecordAsync("auth.login", profile.UserId, record.TotpEnabled ? "signed in with 2FA" : "signed in", profile.UserId);
        return Results.Ok(await tokens.IssueAsync(profile));
    }

    private static async Task<IResult> Refresh(Body<RefreshRequest> body, TokenService tokens, AuditWriter audit)
    {
        var (pair, outcome) = await tokens.RefreshAsync(body.Value.RefreshToken);
        if (outcome == RefreshOutcome.ReuseDetected)
        {
            await audit.RecordAsync("auth.refresh.reuse", null, "a rotated refresh token was presented again; its session was revoked");
        }

        return pair is null ? Problems.Unauthorized($"The refresh token is not valid ({outcome}).") : Results.Ok(pair);
    }

    private static async Task<IResult> Logout(Body<RefreshRequest> body, TokenService tokens)
    {
        await tokens.RevokeAsync(body.Value.RefreshToken);
        return Results.NoContent();
    }

    private static async Task<IResult> RequestReset(Body<ResetPasswordRequest> body, IGrainFactory grains, IEmailSender email, AuditWriter audit)
    {
        // The same answer whether or not the address has an account: no probing for users.
        var address = Credentials.Normalize(body.Value.Email ?? "");
        if (Credentials.EmailError(body.Value.Email) is null && await grains.GetGrain<ILoginGrain>(address).Get() is { } login)
        {
            var code = await grains.GetGrain<ILoginGrain>(address).IssueCode(OneTimeCodePurpose.ResetPassword, TimeSpan.FromMinutes(30));
            await email.SendAsync(address, "Reset your Nija password", $"Your password reset code is {code}. It expires in 30 minutes.");
            await audit.RecordAsync("auth.reset.requested", login.UserId, "password reset code sent", login.UserId);
        }

        return Results.Accepted();
    }

    private static async Task<IResult> ConfirmReset(Body<ResetPasswordConfirmRequest> body, Credentials credentials, IGrainFactory grains, AuditWriter audit)
    {
        var r = body.Value;
        if (credentials.PasswordError(r.NewPassword, "newPassword") is { } error)
        {
            return Problems.Field("newPassword", error);
        }

        var login = grains.GetGrain<ILoginGrain>(Credentials.Normalize(r.Email));
        if (await login.Get() is not { } record || !await login.RedeemCode(OneTimeCodePurpose.ResetPassword, r.Code))
        {
            return Problems.Field("code", "The code is wrong, used or expired.");
        }

        await login.SetPasswordHash(credentials.Hash(r.NewPassword));
        await grains.GetGrain<IUserSecurityGrain>(record.UserId).RevokeAllSessions();
        await audit.RecordAsync("auth.reset", record.UserId, "password reset; every session revoked", record.UserId);
        return Results.NoContent();
    }

    private static async Task<IResult> ChangePassword(Body<ChangePasswordRequest> body, HttpContext http, Credentials credentials, IGrainFactory grains, AuditWriter audit)
    {
        var r = body.Value;
        var userId = http.User.UserId();
        var login = grains.GetGrain<ILoginGrain>(http.User.FindFirst(NijaClaims.Email)?.Value ?? "");
        if (await login.Get() is not { } record || record.UserId != userId || !credentials.Verify(record.PasswordHash, r.CurrentPassword))
        {
            return Problems.Field("currentPassword", "The current password is wrong.");
        }

        if (credentials.PasswordError(r.NewPassword, "newPassword") is { } error)
        {
            return Problems.Field("newPassword", error);
        }

        await login.SetPasswordHash(credentials.Hash(r.NewPassword));
        var revoked = await grains.GetGrain<IUserSecurityGrain>(userId).RevokeAllSessions();
        await audit.RecordAsync("auth.password.changed", userId, $"password changed; {revoked} sessions revoked");
        return Results.NoContent();
    }
}
