using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Admin;

public sealed class AdminEndpointTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task A_user_gets_403_on_every_admin_route()
    {
        var user = await Api.NewUserAsync();

        foreach (var path in new[] { "/api/v1/admin/users", "/api/v1/admin/overview", "/api/v1/admin/audit-logs", "/api/v1/admin/outbox", "/api/v1/admin/risk-events" })
        {
            await ProblemAssert.IsProblem(await user.Http.GetAsync(path), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task The_global_kill_switch_blocks_every_users_orders_until_resumed_and_is_audited()
    {
        var admin = await Api.SignInAsAdminAsync();
        var user = await Api.NewUserAsync();
        var order = new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 50 };

        var stop = await admin.Http.PostAsJsonAsync("/api/v1/admin/kill-switch", new { scope = "global", action = "stop", reason = "exchange incident" });
        var blocked = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", order);
        var health = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/health");
        await admin.Http.PostAsJsonAsync("/api/v1/admin/kill-switch", new { scope = "global", action = "resume", reason = "all clear" });
        var allowed = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", order);

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("GlobalKillSwitch", (await ProblemAssert.IsProblem(blocked, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal("red", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit-logs?action=killswitch.global");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("detail").GetString() == "Stop: exchange incident" && e.GetProperty("actorUserId").GetString() == admin.UserId);
    }

    [Fact]
    public async Task A_user_kill_switch_needs_an_existing_user_and_a_reason()
    {
        var admin = await Api.SignInAsAdminAsync();

        await ProblemAssert.NamesField(await admin.Http.PostAsJsonAsync("/api/v1/admin/kill-switch", new { scope = "user", action = "stop", reason = "x", userId = "u_nobody" }), "userId");
        await ProblemAssert.NamesField(await admin.Http.PostAsJsonAsync("/api/v1/admin/kill-switch", new { scope = "global", action = "stop", reason = "" }), "reason");
        await ProblemAssert.NamesField(await admin.Http.PostAsJsonAsync("/api/v1/admin/kill-switch", new { scope = "galaxy", action = "stop", reason = "x" }), "scope");
    }

    [Fact]
    public async Task Admins_list_change_approve_and_delete_users()
    {
        var admin = await Api.SignInAsAdminAsync();
        var user = await Api.NewUserAsync("basic");

        var listed = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?pageSize=200");
        var changed = await (await admin.Http.PatchAsJsonAsync($"/api/v1/admin/users/{user.UserId}", new { plan = "enterprise", role = "viewer" })).Json();
        var approved = await (await admin.Http.PostAsync($"/api/v1/admin/users/{user.UserId}/approve", null)).Json();
        var deleted = await admin.Http.DeleteAsync($"/api/v1/admin/users/{user.UserId}");

        Assert.True(listed.GetProperty("total").GetInt32() >= 2);
        Assert.Equal("enterprise", changed.GetProperty("plan").GetString());
        Assert.Equal("viewer", changed.GetProperty("role").GetString());
        Assert.True(approved.GetProperty("alphaApproved").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblem(await admin.Http.GetAsync($"/api/v1/admin/users/{user.UserId}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Impersonation_reads_the_users_pages_cannot_change_anything_and_is_audited()
    {
        var admin = await Api.SignInAsAdminAsync();
        var user = await Api.NewUserAsync();
        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 50 });

        var token = (await (await admin.Http.PostAsync($"/api/v1/admin/users/{user.UserId}/impersonate", null)).Json()).GetProperty("accessToken").GetString();
        var viewer = Api.Client(token);

        Assert.Equal(1, (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
        Assert.Equal(admin.UserId, (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/account/profile")).GetProperty("impersonatedBy").GetString());
        await ProblemAssert.IsProblem(await viewer.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 50 }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await viewer.PutAsJsonAsync("/api/v1/config/settings", new { maxConcurrentPositions = 1 }), HttpStatusCode.Forbidden);
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit-logs?action=admin.impersonate&userId={user.UserId}");
        Assert.Equal(1, audit.GetArrayLength());
    }

    [Fact]
    public async Task The_overview_counts_users_positions_trades_and_revenue()
    {
        var admin = await Api.SignInAsAdminAsync();
        var user = await Api.NewUserAsync("free");
        await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "pro", interval = "monthly" });
        var buy = await (await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "SOL-USD", side = "buy", type = "market", sizeUsd = 80 })).Json();
        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "SOL-USD", side = "sell", type = "market", quantity = buy.GetProperty("filledQuantity").GetDecimal() });

        var overview = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/overview");

        Assert.True(overview.GetProperty("users").GetProperty("total").GetInt32() >= 2);
        Assert.True(overview.GetProperty("last24h").GetProperty("trades").GetInt32() >= 1);
        Assert.True(overview.GetProperty("revenue").GetProperty("mrr").GetDecimal() >= 149m);
        Assert.True(overview.GetProperty("revenue").GetProperty("planMix").GetProperty("Pro").GetInt32() >= 1);
    }

    [Fact]
    public async Task Risk_events_can_be_filtered_by_user_and_rule()
    {
        var admin = await Api.SignInAsAdminAsync();
        var user = await Api.NewUserAsync();
        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 9_000 });

        var events = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/risk-events?userId={user.UserId}&rule=MaxPositionSize");
        var none = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/risk-events?userId={user.UserId}&rule=Cooldown");

        Assert.Equal(1, events.GetArrayLength());
        Assert.Equal(0, none.GetArrayLength());
    }
}
