using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Platform;

/// <summary>One API on PostgreSQL, shared by the tests that check the main paths against the cluster's store.</summary>
public sealed class PostgreSqlApiFixture : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await ApiHost.StartAsync(new ApiHostOptions { Storage = "PostgreSql" });

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

public sealed class PostgreSqlApiTests(PostgreSqlApiFixture fixture) : IClassFixture<PostgreSqlApiFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task Readiness_reports_postgresql()
    {
        var ready = await Api.Http.GetFromJsonAsync<JsonElement>("/api/ready");

        Assert.Equal("PostgreSql", ready.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Register_login_trade_and_read_back_on_postgresql()
    {
        var user = await Api.NewUserAsync();

        var order = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 80 });
        var history = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/equity");

        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task Another_tenants_order_is_404_on_postgresql()
    {
        var alice = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var id = (await (await alice.Http.PostAsJsonAsync("/api/v1/trading/orders",
            new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "limit", sizeUsd = 50, limitPrice = 1000 })).Json()).GetProperty("id").GetString();

        await ProblemAssert.IsProblem(await bob.Http.GetAsync($"/api/v1/trading/orders/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await bob.Http.DeleteAsync($"/api/v1/trading/orders/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Refresh_reuse_revokes_the_family_on_postgresql()
    {
        var user = await Api.NewUserAsync();

        var rotated = (await (await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).Json()).GetProperty("refreshToken").GetString();
        await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });

        await ProblemAssert.IsProblem(await Api.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated }), HttpStatusCode.Unauthorized);
    }
}
