using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Platform;

public sealed class LimitsAndSettingsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task The_plans_calls_per_minute_answer_429_with_retry_after_and_reset_at_the_minute()
    {
        var user = await Api.NewUserAsync("free");
        // Align to the start of a minute so that the window cannot roll over mid-test.
        var now = Api.Clock.GetUtcNow();
        Api.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMinute - now.UtcTicks % TimeSpan.TicksPerMinute));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            answers.Add(await user.Http.GetAsync("/api/v1/account/balance"));
        }

        Assert.All(answers.Take(10), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var limited = await ProblemAssert.IsProblem(answers[10], HttpStatusCode.TooManyRequests);
        Assert.Equal("ApiCallsPerMinute", limited.GetProperty("limit").GetString());
        Assert.Equal("60", answers[10].Headers.RetryAfter?.ToString());
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/v1/account/balance")).StatusCode);
    }

    [Fact]
    public async Task The_plans_daily_trades_answer_403_naming_the_limit()
    {
        var user = await Api.NewUserAsync("free");
        var order = new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "limit", sizeUsd = 50, limitPrice = 1000 };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            Api.Clock.Advance(TimeSpan.FromSeconds(7)); // stay under ten calls a minute
            statuses.Add((await user.Http.PostAsJsonAsync("/api/v1/trading/orders", order)).StatusCode);
        }

        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var over = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", order);

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal("MaxDailyTrades", (await ProblemAssert.IsProblem(over, HttpStatusCode.Forbidden)).GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Settings_put_is_partial_and_a_bad_value_names_its_field_and_changes_nothing()
    {
        var user = await Api.NewUserAsync();

        var changed = await (await user.Http.PutAsJsonAsync("/api/v1/config/settings", new { maxConcurrentPositions = 2, allowedPairs = new[] { "BTC-USD" } })).Json();
        var bad = await user.Http.PutAsJsonAsync("/api/v1/config/settings", new { maxPositionSizeUsd = -1, maxConcurrentPositions = 1 });
        var unknown = await user.Http.PutAsJsonAsync("/api/v1/config/settings", new { leverage = 100 });
        var cleared = await (await user.Http.PutAsync("/api/v1/config/settings", new StringContent("""{"allowedPairs":null}""", System.Text.Encoding.UTF8, "application/json"))).Json();

        Assert.Equal(2, changed.GetProperty("maxConcurrentPositions").GetInt32());
        Assert.Equal(100m, changed.GetProperty("maxPositionSizeUsd").GetDecimal());
        await ProblemAssert.NamesField(bad, "maxPositionSizeUsd");
        await ProblemAssert.NamesField(unknown, "leverage");
        Assert.Equal(2, cleared.GetProperty("maxConcurrentPositions").GetInt32());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("allowedPairs").ValueKind);
    }

    [Fact]
    public async Task Onboarding_advances_only_in_order_with_the_code_from_the_outbox()
    {
        var user = await Api.NewUserAsync();
        var admin = await Api.SignInAsAdminAsync();
        var outbox = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/outbox?to={Uri.EscapeDataString(user.Email)}");
        var code = System.Text.RegularExpressions.Regex.Match(outbox[0].GetProperty("body").GetString()!, @"\d{6}").Value;

        var early = await user.Http.PostAsync("/api/v1/onboarding/tutorial-complete", null);
        var verified = await (await user.Http.PostAsJsonAsync("/api/v1/onboarding/verify-email", new { code })).Json();
        await user.Http.PostAsJsonAsync("/api/v1/config/brokers", new { broker = "paper", apiKey = "paper-key-1", apiSecret = "paper-secret-1" });
        await user.Http.PostAsync("/api/v1/onboarding/tutorial-complete", null);
        var active = await (await user.Http.PostAsync("/api/v1/onboarding/activate", null)).Json();

        await ProblemAssert.IsProblem(early, HttpStatusCode.Conflict);
        Assert.Equal("emailVerified", verified.GetProperty("step").GetString());
        Assert.Equal("active", active.GetProperty("step").GetString());
        Assert.Equal(100, active.GetProperty("progressPercent").GetInt32());
    }

    [Fact]
    public async Task Plans_are_listed_and_an_upgrade_changes_the_limits_at_once()
    {
        var user = await Api.NewUserAsync("free");

        var plans = await Api.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/plans");
        var upgraded = await (await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "pro" })).Json();
        var usage = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/usage");
        var invalid = await user.Http.PostAsJsonAsync("/api/v1/subscription/upgrade", new { plan = "alpha" });

        Assert.Equal(5, plans.GetArrayLength());
        Assert.Equal("pro", upgraded.GetProperty("subscription").GetProperty("plan").GetString());
        Assert.Equal(100, usage.GetProperty("limits").GetProperty("apiCallsPerMinute").GetInt32());
        await ProblemAssert.NamesField(invalid, "plan");
    }

    [Fact]
    public async Task A_backtest_runs_over_a_simulated_series_and_a_bad_strategy_names_the_field()
    {
        var user = await Api.NewUserAsync();

        var report = await (await user.Http.PostAsJsonAsync("/api/v1/backtests", new { strategy = "apex-dual-rsi", symbol = "BTC-USD", steps = 600 })).Json();
        var bad = await user.Http.PostAsJsonAsync("/api/v1/backtests", new { strategy = "moon", symbol = "BTC-USD" });

        Assert.Equal(600, report.GetProperty("prices").GetInt32());
        Assert.True(report.GetProperty("equity").GetArrayLength() > 0);
        await ProblemAssert.NamesField(bad, "strategy");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var user = await Api.NewUserAsync();

        // Sent as a careful client sends a large body: it waits for the go-ahead, so the early 413 is read
        // instead of the connection closing under a body still being written (a broken pipe, not an answer).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/trading/orders")
        {
            Content = new StringContent("{\"symbol\":\"" + new string('A', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await user.Http.SendAsync(request);

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
