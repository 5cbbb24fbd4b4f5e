using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Trading;

public sealed class OrderEndpointTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task A_market_order_is_created_filled_and_shows_in_positions_balance_and_history()
    {
        var user = await Api.NewUserAsync();

        var buy = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 100 });
        var order = await buy.Json();
        var sell = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "sell", type = "market", quantity = order.GetProperty("filledQuantity").GetDecimal() / 2 });

        Assert.Equal(HttpStatusCode.Created, buy.StatusCode);
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal(1, order.GetProperty("fills").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, sell.StatusCode);
        var positions = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/positions");
        Assert.Equal("BTC-USD", positions[0].GetProperty("symbol").GetString());
        var balance = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/balance");
        Assert.True(balance.GetProperty("cash").GetDecimal() > 0);
        Assert.Equal(0, balance.GetProperty("exchanges").GetArrayLength());
        var history = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/history");
        Assert.Equal(1, history.GetArrayLength());
        var equity = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/equity");
        Assert.Equal(2, equity.GetArrayLength());
        Assert.Equal(0, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/equity?account=binance")).GetArrayLength());
        var performance = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/performance");
        Assert.Equal(1, performance.GetProperty("trades").GetInt32());
    }

    [Fact]
    public async Task The_same_client_order_id_returns_the_first_order_with_200_and_never_a_second_fill()
    {
        var user = await Api.NewUserAsync();
        var body = new { broker = "paper", symbol = "ETH-USD", side = "buy", type = "market", sizeUsd = 50, clientOrderId = "my-1" };

        var first = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", body);
        var again = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Json()).GetProperty("id").GetString(), (await again.Json()).GetProperty("id").GetString());
        Assert.Equal(1, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
    }

    [Fact]
    public async Task A_limit_order_rests_is_listed_by_status_counted_open_and_can_be_cancelled_once()
    {
        var user = await Api.NewUserAsync();
        var order = await (await user.Http.PostAsJsonAsync("/api/v1/trading/orders",
            new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "limit", quantity = 0.001, limitPrice = 1000 })).Json();
        var id = order.GetProperty("id").GetString();

        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "ETH-USD", side = "buy", type = "market", sizeUsd = 50 });
        var open = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders?status=submitted");
        var openCounted = (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/stats")).GetProperty("openOrders").GetInt32();
        var cancel = await user.Http.DeleteAsync($"/api/v1/trading/orders/{id}");
        var again = await user.Http.DeleteAsync($"/api/v1/trading/orders/{id}");

        Assert.Equal(id, open[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        await ProblemAssert.IsProblem(again, HttpStatusCode.NotFound);
        Assert.Equal("canceled", (await user.Http.GetFromJsonAsync<JsonElement>($"/api/v1/trading/orders/{id}")).GetProperty("status").GetString());
        Assert.Equal(1, openCounted); // the resting limit, not the filled market order
        Assert.Equal(0, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/account/stats")).GetProperty("openOrders").GetInt32());
        Assert.Equal(2, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","sizeUsd":50,"leverage":10}""", "leverage")]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","sizeUsd":"fifty"}""", "sizeUsd")]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"sideways","type":"market","sizeUsd":50}""", "side")]
    [InlineData("""{"broker":"paper","symbol":"btc/usd","side":"buy","type":"market","sizeUsd":50}""", "symbol")]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","sizeUsd":50,"quantity":1}""", "sizeUsd")]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"limit","quantity":1}""", "limitPrice")]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","sizeUsd":-5}""", "sizeUsd")]
    [InlineData("""{"broker":"paper","side":"buy","type":"market","sizeUsd":5}""", "body")]
    [InlineData("""{"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","sizeUsd":50""", "body")]
    public async Task A_bad_order_is_a_problem_naming_the_field_and_stores_nothing(string json, string field)
    {
        var user = await Api.NewUserAsync();

        var problem = await ProblemAssert.IsProblem(await user.Http.PostJson("/api/v1/trading/orders", json), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(field == "body" || errors.TryGetProperty(field, out _), $"expected '{field}' in {errors}");
        Assert.Equal(0, (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/orders")).GetArrayLength());
    }

    [Fact]
    public async Task A_risk_rejection_is_422_naming_the_rule()
    {
        var user = await Api.NewUserAsync();

        var response = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 5_000 });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("MaxPositionSize", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_users_own_emergency_stop_blocks_new_orders_until_resumed()
    {
        var user = await Api.NewUserAsync();
        var order = new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 50 };

        var stop = await user.Http.PostAsJsonAsync("/api/v1/trading/emergency-stop", new { reason = "going to sleep" });
        var blocked = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", order);
        await user.Http.PostAsync("/api/v1/trading/resume", null);
        var allowed = await user.Http.PostAsJsonAsync("/api/v1/trading/orders", order);

        Assert.Equal("stop", (await stop.Json()).GetProperty("level").GetString());
        Assert.Equal("UserKillSwitch", (await ProblemAssert.IsProblem(blocked, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task The_bot_starts_pauses_and_stops_and_its_status_says_so()
    {
        var user = await Api.NewUserAsync();

        var started = await (await user.Http.PostAsJsonAsync("/api/v1/trading/start", new { pairs = new[] { "ETH-USD" } })).Json();
        var paused = await (await user.Http.PostAsync("/api/v1/trading/pause", null)).Json();
        var status = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/status");
        await user.Http.PostAsync("/api/v1/trading/stop", null);

        Assert.Equal("running", started.GetProperty("state").GetString());
        Assert.Equal("paused", paused.GetProperty("state").GetString());
        Assert.Equal("paused", status.GetProperty("bot").GetProperty("state").GetString());
        Assert.Equal("stopped", (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/trading/status")).GetProperty("bot").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Paging_parameters_out_of_range_are_problems_naming_them()
    {
        var user = await Api.NewUserAsync();

        await ProblemAssert.NamesField(await user.Http.GetAsync("/api/v1/trading/orders?page=0"), "page");
        await ProblemAssert.NamesField(await user.Http.GetAsync("/api/v1/account/history?pageSize=1000"), "pageSize");
        await ProblemAssert.NamesField(await user.Http.GetAsync("/api/v1/account/history?page=two"), "page");
        await ProblemAssert.NamesField(await user.Http.GetAsync("/api/v1/trading/orders?status=bogus"), "status");
        await ProblemAssert.NamesField(await user.Http.GetAsync("/api/v1/account/equity?from=yesterday"), "from");
        await ProblemAssert.NamesField(await user.Http.GetAsync("/api/v1/account/equity?account=..%2Fbinance"), "account");
    }
}
