using System.Net.Http.Json;
using Nija.GrainInterfaces.MarketData;

namespace Nija.Api.Tests.Live;

public sealed class LiveHubTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task A_client_sees_its_own_fill_within_100_ms_of_the_order_response_and_never_another_tenants()
    {
        var alice = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        await using var aliceLive = await NodeLiveClient.ConnectAsync(Api.Address.TrimEnd('/'), alice.AccessToken);
        await using var bobLive = await NodeLiveClient.ConnectAsync(Api.Address.TrimEnd('/'), bob.AccessToken);

        // A first order warms the path (JIT, first activations); the measured one follows.
        await alice.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "ETH-USD", side = "buy", type = "market", sizeUsd = 50 });
        var response = await alice.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 60 });
        var answeredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var orderId = (await response.Json()).GetProperty("id").GetString();

        var fill = await aliceLive.NextAsync(e => e.Name == "tradeExecuted" && e.Data.GetProperty("orderId").GetString() == orderId, TimeSpan.FromSeconds(5));
        var updated = await aliceLive.NextAsync(e => e.Name == "orderUpdated" && e.Data.GetProperty("id").GetString() == orderId, TimeSpan.FromSeconds(5));
        var position = await aliceLive.NextAsync(e => e.Name == "positionUpdated" && e.Data.GetProperty("symbol").GetString() == "BTC-USD", TimeSpan.FromSeconds(5));

        Assert.True(fill.At - answeredAt < 100, $"the fill arrived {fill.At - answeredAt} ms after the order response");
        Assert.Equal("filled", updated.Data.GetProperty("status").GetString());
        Assert.True(position.Data.GetProperty("quantity").GetDecimal() > 0);

        // Bob's own order proves his connection works; he saw nothing of Alice's.
        var bobOrder = (await (await bob.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "SOL-USD", side = "buy", type = "market", sizeUsd = 50 })).Json()).GetProperty("id").GetString();
        await bobLive.NextAsync(e => e.Name == "orderUpdated" && e.Data.GetProperty("id").GetString() == bobOrder, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(bobLive.Received, e => e.Data.ToString().Contains(alice.UserId, StringComparison.Ordinal) || e.Data.ToString().Contains("BTC-USD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Market_ticks_arrive_after_subscribing_to_the_symbol()
    {
        var user = await Api.NewUserAsync();
        await using var live = await NodeLiveClient.ConnectAsync(Api.Address.TrimEnd('/'), user.AccessToken, "ADA-USD");

        await Api.Grains.GetGrain<IMarketDataGrain>("ADA-USD").Publish(0.4321m);

        var tick = await live.NextAsync(e => e.Name == "marketTick", TimeSpan.FromSeconds(5));
        Assert.Equal(0.4321m, tick.Data.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_valid_token()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => NodeLiveClient.ConnectAsync(Api.Address.TrimEnd('/'), "not-a-token"));

        Assert.Contains("did not connect", refused.Message, StringComparison.Ordinal);
        var user = await Api.NewUserAsync();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await Api.Http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Api.Http.PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={user.AccessToken}", null)).StatusCode);
    }
}
