using System.Net;
using System.Net.Http.Json;
using Nija.Grains.Auth;

namespace Nija.Api.Tests.Auth;

public sealed class TwoFactorTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task After_enrolment_login_needs_a_code_each_code_works_once_and_backup_codes_are_single_use()
    {
        var user = await Api.NewUserAsync();
        var enrolment = await (await user.Http.PostAsync("/api/v1/auth/2fa/enroll", null)).Json();
        var secret = Base32.Decode(enrolment.GetProperty("secret").GetString()!);
        var backup = enrolment.GetProperty("backupCodes")[0].GetString();
        Assert.StartsWith("otpauth://totp/Nija:", enrolment.GetProperty("otpauthUri").GetString());
        Assert.Equal(10, enrolment.GetProperty("backupCodes").GetArrayLength());

        string CodeNow() => Totp.Code(secret, Totp.StepAt(Api.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = CodeNow() })).StatusCode);

        var withoutCode = await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }), HttpStatusCode.Unauthorized);
        Assert.True(withoutCode.GetProperty("totpRequired").GetBoolean());
        Api.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow();
        Assert.Equal(HttpStatusCode.OK, (await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, totpCode = code })).StatusCode);
        await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, totpCode = code }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, totpCode = backup })).StatusCode);
        await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, totpCode = backup }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_first_code_does_not_turn_2fa_on()
    {
        var user = await Api.NewUserAsync();
        await user.Http.PostAsync("/api/v1/auth/2fa/enroll", null);

        await ProblemAssert.NamesField(await user.Http.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = "000000" }), "code");

        Assert.Equal(HttpStatusCode.OK, (await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode);
    }
}
