using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Platform;

/// <summary>A restart keeps users, positions and orders, on each store.</summary>
public abstract class RestartTests
{
    protected abstract ApiHostOptions Options();

    [Fact]
    public async Task A_restart_keeps_users_sessions_positions_orders_and_audit()
    {
        var options = Options();
        SignedIn user;
        string restingId;
        await using (var api = await ApiHost.StartAsync(options))
        {
            user = await api.NewUserAsync();
            await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "ETH-USD", side = "buy", type = "market", sizeUsd = 60 });
            restingId = (await (await user.Http.PostAsJsonAsync("/api/v1/trading/orders",
                new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "limit", sizeUsd = 50, limitPrice = 1000 })).Json()).GetProperty("id").GetString()!;
        }

        await using var again = await ApiHost.StartAsync(options);
        var signedIn = await again.SignInAsync(user.Email, user.Password);
        var refreshed = await again.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        var positions = await signedIn.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/positions");
        var orders = await signedIn.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders");
        var admin = await again.SignInAsAdminAsync();
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit-logs?userId={user.UserId}&action=order.place");

        Assert.Equal(user.UserId, signedIn.UserId);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("ETH-USD", positions[0].GetProperty("symbol").GetString());
        Assert.Equal(2, orders.GetArrayLength());
        Assert.Contains(orders.EnumerateArray(), o => o.GetProperty("id").GetString() == restingId && o.GetProperty("status").GetString() == "submitted");
        Assert.Equal(2, audit.GetArrayLength());
    }
}

public sealed class SqliteRestartTests : RestartTests
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("nija-restart-").FullName;

    protected override ApiHostOptions Options() => new() { DataDir = _dataDir };
}

public sealed class PostgreSqlRestartTests : RestartTests
{
    private readonly ApiHostOptions _options = new()
    {
        Storage = "PostgreSql",
        ServiceId = "restart-" + Guid.NewGuid().ToString("N")[..8],
        DataDir = Directory.CreateTempSubdirectory("nija-restart-pg-").FullName,
    };

    protected override ApiHostOptions Options() => _options;
}
