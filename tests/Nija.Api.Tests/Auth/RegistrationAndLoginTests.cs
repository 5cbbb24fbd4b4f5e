using System.Net;
using System.Net.Http.Json;

namespace Nija.Api.Tests.Auth;

public sealed class RegistrationAndLoginTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task Registering_without_an_invitation_is_refused_naming_the_field()
    {
        var response = await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = "nobody@example.com", password = "long-enough-1" });

        await ProblemAssert.NamesField(response, "invitationCode");
    }

    [Fact]
    public async Task An_invited_user_registers_gets_a_user_id_and_signs_in_with_a_jwt()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var code = await Api.InviteAsync(email, "basic");

        var registered = await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "long-enough-1", invitationCode = code });
        var login = await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "long-enough-1" });

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.StartsWith("u_", (await registered.Json()).GetProperty("userId").GetString());
        var tokens = await login.Json();
        Assert.Equal(3, tokens.GetProperty("accessToken").GetString()!.Split('.').Length);
        Assert.Equal(900, tokens.GetProperty("expiresIn").GetInt32());
        var profile = await Api.Client(tokens.GetProperty("accessToken").GetString()).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/account/profile");
        Assert.Equal("basic", profile.GetProperty("profile").GetProperty("plan").GetString());
        Assert.Equal("registered", profile.GetProperty("onboarding").GetProperty("step").GetString());
    }

    [Fact]
    public async Task An_invitation_works_once_and_only_for_its_address()
    {
        var email = $"once-{Guid.NewGuid():N}@example.com";
        var code = await Api.InviteAsync(email);

        var other = await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = "someone-else@example.com", password = "long-enough-1", invitationCode = code });
        var first = await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "long-enough-1", invitationCode = code });
        var again = await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = $"x{email}", password = "long-enough-1", invitationCode = code });

        await ProblemAssert.NamesField(other, "invitationCode");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.NamesField(again, "invitationCode");
        // The refused address was released: it can still register with an invitation of its own.
        var own = await Api.InviteAsync("someone-else@example.com");
        Assert.Equal(HttpStatusCode.Created, (await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = "someone-else@example.com", password = "long-enough-1", invitationCode = own })).StatusCode);
    }

    [Fact]
    public async Task A_weak_password_and_a_bad_email_are_refused_naming_the_field()
    {
        await ProblemAssert.NamesField(await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = "a@b.co", password = "short", invitationCode = "X" }), "password");
        await ProblemAssert.NamesField(await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = "long-enough-1", invitationCode = "X" }), "email");
    }

    [Fact]
    public async Task Registering_the_same_address_twice_is_a_conflict()
    {
        var user = await Api.NewUserAsync();
        var code = await Api.InviteAsync("fresh-" + user.Email);

        var response = await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email = user.Email, password = "long-enough-1", invitationCode = code });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_five_in_a_row_lock_the_account_for_fifteen_minutes()
    {
        var user = await Api.NewUserAsync();

        for (var i = 0; i < 5; i++)
        {
            await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong-password-1" }), HttpStatusCode.Unauthorized);
        }

        var locked = await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        await ProblemAssert.IsProblem(locked, (HttpStatusCode)423);
        Api.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        var unknown = await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = "ghost@example.com", password = "whatever-123" });

        var problem = await ProblemAssert.IsProblem(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal("The e-mail address or password is wrong.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_request_without_a_token_is_401_as_problem_json()
    {
        await ProblemAssert.IsProblem(await Api.Http.GetAsync("/api/v1/account/balance"), HttpStatusCode.Unauthorized);
    }
}
