using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Platform;

public sealed class TenantIsolationTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task User_B_with_user_As_ids_gets_404_everywhere_and_never_As_data()
    {
        var alice = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var order = await (await alice.Http.PostAsJsonAsync("/api/v1/trading/orders",
            new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "limit", quantity = 0.001, limitPrice = 1000 })).Json();
        var orderId = order.GetProperty("id").GetString();
        var broker = await (await alice.Http.PostAsJsonAsync("/api/v1/config/brokers", new { broker = "paper", apiKey = "alice-key-123", apiSecret = "alice-secret-123" })).Json();
        var key = await (await alice.Http.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "k", scope = "read" })).Json();

        await ProblemAssert.IsProblem(await bob.Http.GetAsync($"/api/v1/trading/orders/{orderId}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await bob.Http.DeleteAsync($"/api/v1/trading/orders/{orderId}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await bob.Http.DeleteAsync($"/api/v1/config/brokers/{broker.GetProperty("id").GetString()}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await bob.Http.DeleteAsync($"/api/v1/auth/api-keys/{key.GetProperty("info").GetProperty("id").GetString()}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await bob.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
        Assert.Equal(0, (await bob.Http.GetFromJsonAsync<JsonElement>("/api/v1/config/brokers")).GetArrayLength());

        // Alice's order is untouched by Bob's attempts.
        Assert.Equal("submitted", (await alice.Http.GetFromJsonAsync<JsonElement>($"/api/v1/trading/orders/{orderId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_user_id_in_the_body_or_query_is_ignored_the_token_decides()
    {
        var alice = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();

        var response = await bob.Http.PostJson("/api/v1/trading/orders",
            $$"""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","sizeUsd":50,"userId":"{{alice.UserId}}"}""");
        var asQuery = await bob.Http.GetFromJsonAsync<JsonElement>($"/api/v1/trading/orders?userId={alice.UserId}");

        await ProblemAssert.NamesField(response, "userId");
        Assert.Equal(0, asQuery.GetArrayLength());
    }

    [Fact]
    public async Task Broker_keys_are_never_echoed_back()
    {
        var user = await Api.NewUserAsync();

        var added = await user.Http.PostAsJsonAsync("/api/v1/config/brokers", new { broker = "paper", apiKey = "my-visible-key-9876", apiSecret = "top-secret-value-1" });
        var listed = await user.Http.GetStringAsync("/api/v1/config/brokers");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = await added.Content.ReadAsStringAsync() + listed;
        Assert.DoesNotContain("top-secret-value-1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("my-visible-key-9876", body, StringComparison.Ordinal);
        Assert.Contains("9876", listed, StringComparison.Ordinal);
    }
}
