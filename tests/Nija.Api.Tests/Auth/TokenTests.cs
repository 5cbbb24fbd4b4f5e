using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Nija.Api.Tests.Auth;

public sealed class TokenTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task A_refresh_rotates_the_token_and_reusing_the_old_one_revokes_the_whole_family()
    {
        var user = await Api.NewUserAsync();

        var first = await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        var rotated = (await first.Json()).GetProperty("refreshToken").GetString();
        var reuse = await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        var afterReuse = await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(user.RefreshToken, rotated);
        await ProblemAssert.IsProblem(reuse, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(afterReuse, HttpStatusCode.Unauthorized);
        var admin = await Api.SignInAsAdminAsync();
        var audit = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/audit-logs?action=auth.refresh.reuse&pageSize=200");
        Assert.True(audit.GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var user = await Api.NewUserAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Api.Http.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken })).StatusCode);

        await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tampered_expired_wrong_audience_and_wrongly_signed_tokens_are_refused()
    {
        var user = await Api.NewUserAsync();
        var key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(Path.Combine(Api.DataDir, "jwt-signing.key"))));
        var parts = user.AccessToken.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(user.UserId, "u_someoneelse0000000", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var now = DateTime.UtcNow;

        string Token(string audience, DateTime expires, SecurityKey signing) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            "nija", audience, [new Claim("sub", user.UserId), new Claim("role", "User"), new Claim("email", user.Email)], expires.AddMinutes(-30), expires,
            new SigningCredentials(signing, SecurityAlgorithms.HmacSha256)));

        Assert.Equal(HttpStatusCode.OK, (await Api.Client(Token("nija-api", now.AddMinutes(5), key)).GetAsync("/api/v1/account/balance")).StatusCode);
        foreach (var bad in new[]
        {
            tampered,
            Token("nija-api", now.AddMinutes(-5), key),
            Token("another-api", now.AddMinutes(5), key),
            Token("nija-api", now.AddMinutes(5), new SymmetricSecurityKey(new byte[32])),
            parts[0] + "." + parts[1] + ".",
        })
        {
            await ProblemAssert.IsProblem(await Api.Client(bad).GetAsync("/api/v1/account/balance"), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_password_reset_uses_the_code_from_the_outbox_once_and_signs_every_session_out()
    {
        var user = await Api.NewUserAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await Api.Http.PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.Http.PostAsJsonAsync("/api/v1/auth/reset-password", new { email = "ghost@example.com" })).StatusCode);
        var admin = await Api.SignInAsAdminAsync();
        var outbox = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/admin/outbox?to={Uri.EscapeDataString(user.Email)}");
        var body = outbox.EnumerateArray().First(m => m.GetProperty("subject").GetString()!.Contains("Reset", StringComparison.Ordinal)).GetProperty("body").GetString()!;
        var code = System.Text.RegularExpressions.Regex.Match(body, @"\d{6}").Value;

        var wrong = await Api.Http.PostAsJsonAsync("/api/v1/auth/reset-password/confirm", new { email = user.Email, code = code == "000000" ? "111111" : "000000", newPassword = "brand-new-pass-2" });
        var reset = await Api.Http.PostAsJsonAsync("/api/v1/auth/reset-password/confirm", new { email = user.Email, code, newPassword = "brand-new-pass-2" });
        var replay = await Api.Http.PostAsJsonAsync("/api/v1/auth/reset-password/confirm", new { email = user.Email, code, newPassword = "brand-new-pass-3" });

        await ProblemAssert.NamesField(wrong, "code");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await ProblemAssert.NamesField(replay, "code");
        await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }), HttpStatusCode.Unauthorized);
        await Api.SignInAsync(user.Email, "brand-new-pass-2");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var user = await Api.NewUserAsync();

        var wrong = await user.Http.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "not-it-at-all-1", newPassword = "another-pass-77" });
        var right = await user.Http.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = user.Password, newPassword = "another-pass-77" });

        await ProblemAssert.NamesField(wrong, "currentPassword");
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        await Api.SignInAsync(user.Email, "another-pass-77");
    }
}
