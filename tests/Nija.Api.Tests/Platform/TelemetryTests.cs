using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Platform;

public sealed class TelemetryTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format_with_http_grain_and_order_series()
    {
        var user = await Api.NewUserAsync();
        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 50 });

        var response = await Api.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches(@"nija_grain_calls_total\{[^}]*grain_method=""[A-Za-z.]*PlaceOrder""[^}]*\} [1-9]", text);
        Assert.Matches(@"nija_api_orders_total\{[^}]*\} [1-9]", text);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_sane_incoming_one_is_kept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Correlation-Id", "trace-abc-123");

        var kept = await Api.Http.SendAsync(request);
        var made = await Api.Http.GetAsync("/api/health");
        var problem = await (await Api.Http.GetAsync("/api/v1/nowhere")).Json();

        Assert.Equal("trace-abc-123", kept.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{16}$", made.Headers.GetValues("X-Correlation-Id").Single());
        Assert.True(problem.TryGetProperty("correlationId", out _));
    }

    [Fact]
    public async Task The_log_is_json_and_never_holds_passwords_tokens_keys_or_secrets()
    {
        var user = await Api.NewUserAsync();
        var apiKey = (await (await user.Http.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "k", scope = "trade" })).Json()).GetProperty("key").GetString()!;
        var webhook = (await (await user.Http.PostAsync("/api/v1/config/webhook/rotate", null)).Json()).GetProperty("secret").GetString()!;
        await user.Http.PostAsJsonAsync("/api/v1/config/brokers", new { broker = "paper", apiKey = "broker-key-4242", apiSecret = "broker-secret-4242" });
        await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "a-wrong-password-9" });
        await Api.Client(apiKey: apiKey).GetAsync("/api/v1/account/balance");

        var log = Api.Log.ToString();

        Assert.Contains("\"CorrelationId\":", log, StringComparison.Ordinal);
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            JsonDocument.Parse(line).Dispose();
        }

        foreach (var secret in new[] { user.Password, "a-wrong-password-9", user.AccessToken, user.RefreshToken, apiKey, webhook, "broker-secret-4242", "broker-key-4242", ApiHost.AdminPassword })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_readiness_and_the_openapi_document_are_served()
    {
        var health = await Api.Http.GetFromJsonAsync<JsonElement>("/api/health");
        var ready = await Api.Http.GetFromJsonAsync<JsonElement>("/api/ready");
        var openApi = await Api.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var page = await Api.Http.GetStringAsync("/openapi");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("Sqlite", ready.GetProperty("storage").GetString());
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/trading/orders", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        Assert.Contains("/openapi/v1.json", page, StringComparison.Ordinal);
    }
}
