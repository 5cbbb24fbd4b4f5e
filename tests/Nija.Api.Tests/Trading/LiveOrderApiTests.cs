using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nija.Grains.Brokers;
using Nija.Tests.Shared.Exchanges;

namespace Nija.Api.Tests.Trading;

/// <summary>Live orders through the REST API, against a local Binance speaking its documented JSON.</summary>
public sealed class LiveOrderApiTests : IAsyncLifetime
{
    private static readonly ExchangeCredentials Key = new("binance-api-key-0001", "binance-api-secret-0001", null);
    private readonly FakeBinance _binance = new(Key);
    private FakeExchangeServer _server = null!;
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _server = await _binance.StartAsync();
        _api = await ApiHost.StartAsync(new ApiHostOptions
        {
            Settings = new Dictionary<string, string> { ["Nija:Brokers:Binance:BaseUrl"] = _server.BaseAddress.ToString() },
        });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Broker_errors_disable_live_orders_until_the_founder_resumes_the_user_through_the_admin_api()
    {
        var user = await _api.NewUserAsync("pro");
        var admin = await _api.SignInAsAdminAsync();
        var connected = await user.Http.PostAsJsonAsync("/api/v1/config/brokers", new { broker = "binance", apiKey = Key.ApiKey, apiSecret = Key.ApiSecret });
        var buy = new { broker = "binance", symbol = "BTC-USDT", side = "buy", type = "market", sizeUsd = 60 };
        _binance.Down = true;
        for (var i = 0; i < 5; i++)
        {
            await user.Http.PostAsJsonAsync("/api/v1/trading/orders", buy);
        }

        _binance.Down = false;
        // The exchange's circuit, opened by the same failures, lets a probe through after its open period.
        _api.Clock.Advance(TimeSpan.FromSeconds(30));
        var blocked = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", buy);
        var resumed = await admin.Http.PostAsJsonAsync("/api/v1/admin/kill-switch", new { scope = "user", userId = user.UserId, action = "resume", reason = "exchange maintenance over" });
        var filled = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", buy);

        Assert.Equal(HttpStatusCode.Created, connected.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "AutoDisabled"), (blocked.StatusCode, (await blocked.Json()).GetProperty("rule").GetString()));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal((HttpStatusCode.Created, "filled"), (filled.StatusCode, (await filled.Json()).GetProperty("status").GetString()));
        var exchanges = (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/balance")).GetProperty("exchanges");
        Assert.Equal(("binance", 1), (exchanges[0].GetProperty("broker").GetString(), exchanges[0].GetProperty("openPositions").GetInt32()));
        var events = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/risk-events?userId={user.UserId}&rule=AutoDisabledResumed");
        Assert.Equal(1, events.GetArrayLength());
        Assert.Equal(1, _binance.OrderCount);
    }
}
