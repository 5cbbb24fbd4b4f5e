using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nija.Grains.Webhooks;

namespace Nija.Api.Tests.Webhooks;

public sealed class TradingViewWebhookTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    private async Task<(SignedIn User, string Url, string Secret)> UserWithWebhookAsync()
    {
        var user = await Api.NewUserAsync();
        var rotated = await (await user.Http.PostAsync("/api/v1/config/webhook/rotate", null)).Json();
        return (user, rotated.GetProperty("url").GetString()!, rotated.GetProperty("secret").GetString()!);
    }

    private Task<HttpResponseMessage> SendAsync(string url, string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Nija-Signature", signature);
        return Api.Http.SendAsync(request);
    }

    private string Signed(string secret, string body, TimeSpan? age = null)
    {
        var t = (Api.Clock.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds();
        return $"t={t.ToString(CultureInfo.InvariantCulture)},v1={WebhookSignature.Sign(secret, t, body)}";
    }

    [Fact]
    public async Task A_signed_alert_becomes_an_order_and_the_delivery_is_stored_with_its_outcome()
    {
        var (user, url, secret) = await UserWithWebhookAsync();
        const string body = """{"alertId":"a-1","symbol":"BTC-USD","side":"buy","sizeUsd":50}""";

        var response = await SendAsync(url, body, Signed(secret, body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.Json();
        Assert.Equal("tv-a-1", order.GetProperty("clientOrderId").GetString());
        var webhook = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/config/webhook");
        var delivery = webhook.GetProperty("deliveries")[0];
        Assert.True(delivery.GetProperty("accepted").GetBoolean());
        Assert.StartsWith($"order {order.GetProperty("id").GetString()}", delivery.GetProperty("outcome").GetString());
        Assert.DoesNotContain(secret, webhook.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_alert_id_is_refused_and_makes_no_second_order()
    {
        var (user, url, secret) = await UserWithWebhookAsync();
        const string body = """{"alertId":"same","symbol":"ETH-USD","side":"buy","sizeUsd":40}""";

        var first = await SendAsync(url, body, Signed(secret, body));
        Api.Clock.Advance(TimeSpan.FromSeconds(5));
        var replay = await SendAsync(url, body, Signed(secret, body));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblem(replay, HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
    }

    [Fact]
    public async Task A_bad_signature_an_old_timestamp_and_a_missing_header_are_refused_and_recorded()
    {
        var (user, url, secret) = await UserWithWebhookAsync();
        const string body = """{"symbol":"BTC-USD","side":"buy","sizeUsd":50}""";

        await ProblemAssert.IsProblem(await SendAsync(url, body, Signed("whsec_wrong", body)), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(await SendAsync(url, body, Signed(secret, body, TimeSpan.FromMinutes(6))), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(await SendAsync(url, body.Replace("50", "5000", StringComparison.Ordinal), Signed(secret, body)), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(await SendAsync(url, body, ""), HttpStatusCode.Unauthorized);

        var webhook = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/config/webhook");
        Assert.Equal(4, webhook.GetProperty("deliveries").GetArrayLength());
        Assert.All(webhook.GetProperty("deliveries").EnumerateArray(), d => Assert.False(d.GetProperty("accepted").GetBoolean()));
        Assert.Equal(0, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
    }

    [Fact]
    public async Task Rotating_the_secret_retires_the_old_webhook_id()
    {
        var (user, url, secret) = await UserWithWebhookAsync();
        await user.Http.PostAsync("/api/v1/config/webhook/rotate", null);
        const string body = """{"symbol":"BTC-USD","side":"buy","sizeUsd":50}""";

        await ProblemAssert.IsProblem(await SendAsync(url, body, Signed(secret, body)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_alert_that_is_not_an_order_is_a_problem_naming_the_field_after_the_signature_checks_out()
    {
        var (_, url, secret) = await UserWithWebhookAsync();
        const string body = """{"symbol":"BTC-USD","side":"hold","sizeUsd":50}""";

        await ProblemAssert.NamesField(await SendAsync(url, body, Signed(secret, body)), "side");
    }
}
