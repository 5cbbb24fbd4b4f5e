using System.Net;
using System.Net.Http.Json;

namespace Nija.Api.Tests.Auth;

public sealed class ApiKeyTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    private static readonly object Order = new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 50 };

    [Fact]
    public async Task A_read_key_reads_but_cannot_trade_a_trade_key_trades_and_a_revoked_key_is_refused()
    {
        var user = await Api.NewUserAsync();
        var read = await (await user.Http.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "dashboard", scope = "read" })).Json();
        var trade = await (await user.Http.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "bot", scope = "trade" })).Json();
        var readKey = read.GetProperty("key").GetString()!;
        var tradeKey = trade.GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await Api.Client(apiKey: readKey).GetAsync("/api/v1/account/balance")).StatusCode);
        await ProblemAssert.IsProblem(await Api.Client(apiKey: readKey).PostAsJsonAsync("/api/v1/trading/orders", Order), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await Api.Client(apiKey: tradeKey).PostAsJsonAsync("/api/v1/trading/orders", Order)).StatusCode);

        var listed = await user.Http.GetStringAsync("/api/v1/auth/api-keys");
        Assert.DoesNotContain(readKey, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(tradeKey, listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/v1/auth/api-keys/{trade.GetProperty("info").GetProperty("id").GetString()}")).StatusCode);
        await ProblemAssert.IsProblem(await Api.Client(apiKey: tradeKey).GetAsync("/api/v1/account/balance"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_key_cannot_reach_admin_pages_even_when_an_admin_owns_it()
    {
        var admin = await Api.SignInAsAdminAsync();
        var key = (await (await admin.Http.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "ops", scope = "trade" })).Json()).GetProperty("key").GetString();

        var response = await Api.Client(apiKey: key).GetAsync("/api/v1/admin/users");

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Another_users_key_id_cannot_be_revoked()
    {
        var alice = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var id = (await (await alice.Http.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "k", scope = "read" })).Json()).GetProperty("info").GetProperty("id").GetString();

        await ProblemAssert.IsProblem(await bob.Http.DeleteAsync($"/api/v1/auth/api-keys/{id}"), HttpStatusCode.NotFound);
    }
}
