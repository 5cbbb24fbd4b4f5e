using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;
using Nija.Grains.Brokers;
using Nija.Tests.Shared.Exchanges;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Brokers;

public sealed class ExchangeAdapterTests
{
    private const string BinanceSecret = "binance-secret-for-tests";
    private static readonly string KrakenSecret = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
    private static readonly ExchangeCredentials Binance = new("binance-key-1234", BinanceSecret, null);
    private static readonly ExchangeCredentials Kraken = new("kraken-key-5678", KrakenSecret, null);

    private static bool BinanceSignatureValid(HttpRequest request) => FakeBinance.SignatureValid(request, Binance);

    [Fact]
    public async Task The_binance_adapter_reads_withdrawal_permission_from_a_signed_api_restrictions_call()
    {
        await using var server = await FakeExchangeServer.StartAsync(app => app.MapGet("/sapi/v1/account/apiRestrictions", (HttpRequest r) =>
            BinanceSignatureValid(r)
                ? Results.Text("""{"ipRestrict":false,"createTime":1698645219000,"enableReading":true,"enableWithdrawals":true,"enableSpotAndMarginTrading":true,"enableFutures":false}""", "application/json")
                : Results.Json(new { code = -1022, msg = "Signature for this request is not valid." }, statusCode: 400)));
        var adapter = new BinanceSpotAdapter(new HttpClient { BaseAddress = server.BaseAddress }, new ManualTimeProvider());

        var permissions = await adapter.GetPermissionsAsync(Binance, default);

        Assert.Equal(new ExchangePermissions(true, true, true), permissions);
    }

    [Fact]
    public async Task A_binance_error_becomes_an_exception_with_the_exchange_code_and_message()
    {
        await using var server = await FakeExchangeServer.StartAsync(app => app.MapPost("/api/v3/order", () =>
            Results.Json(new { code = -2010, msg = "Account has insufficient balance for requested action." }, statusCode: 400)));
        var adapter = new BinanceSpotAdapter(new HttpClient { BaseAddress = server.BaseAddress }, new ManualTimeProvider());

        var error = await Assert.ThrowsAsync<ExchangeException>(() =>
            adapter.PlaceOrderAsync(Binance, new ExchangeOrder("BTC-USDT", OrderSide.Buy, OrderType.Market, 0.001m, null, "c1"), default));

        Assert.Equal("-2010", error.Code);
        Assert.Contains("insufficient balance", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BinanceSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binance_market_order_is_signed_and_its_documented_full_response_is_read()
    {
        string? seenQuery = null;
        await using var server = await FakeExchangeServer.StartAsync(app => app.MapPost("/api/v3/order", (HttpRequest r) =>
        {
            seenQuery = r.QueryString.Value;
            return BinanceSignatureValid(r)
                ? Results.Text("""{"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"c2","transactTime":1507725176595,"price":"0.00000000","origQty":"0.00100000","executedQty":"0.00100000","cummulativeQuoteQty":"60.12000000","status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"BUY","fills":[{"price":"60120.00000000","qty":"0.00100000","commission":"0.00000100","commissionAsset":"BTC","tradeId":56}]}""", "application/json")
                : Results.Json(new { code = -1022, msg = "Signature for this request is not valid." }, statusCode: 400);
        }));
        var adapter = new BinanceSpotAdapter(new HttpClient { BaseAddress = server.BaseAddress }, new ManualTimeProvider());

        var ack = await adapter.PlaceOrderAsync(Binance, new ExchangeOrder("BTC-USDT", OrderSide.Buy, OrderType.Market, 0.001m, null, "c2"), default);

        Assert.Equal(new ExchangeOrderAck("28", "c2", OrderStatus.Filled, 0.001m, 60.12m), ack);
        Assert.StartsWith("?symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=c2&recvWindow=5000&timestamp=", seenQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kraken_order_carries_a_valid_api_sign_and_its_documented_response_is_read()
    {
        await using var server = await FakeExchangeServer.StartAsync(app => app.MapPost("/0/private/AddOrder", async (HttpRequest r) =>
        {
            var body = await new StreamReader(r.Body).ReadToEndAsync();
            var nonce = body.Split('&')[0]["nonce=".Length..];
            var valid = r.Headers["API-Key"] == Kraken.ApiKey && r.Headers["API-Sign"] == KrakenSigner.Sign(KrakenSecret, "/0/private/AddOrder", nonce, body);
            return Results.Text(valid
                ? """{"error":[],"result":{"descr":{"order":"buy 1.25000000 XBTUSD @ limit 37500.0"},"txid":["OUF4EM-FRGI2-MQMWZD"]}}"""
                : """{"error":["EAPI:Invalid signature"]}""", "application/json");
        }));
        var adapter = new KrakenAdapter(new HttpClient { BaseAddress = server.BaseAddress }, new ManualTimeProvider());

        var ack = await adapter.PlaceOrderAsync(Kraken, new ExchangeOrder("BTC-USD", OrderSide.Buy, OrderType.Limit, 1.25m, 37500m, "k1"), default);

        Assert.Equal("OUF4EM-FRGI2-MQMWZD", ack.ExchangeOrderId);
    }

    [Fact]
    public async Task A_kraken_error_array_becomes_an_exception()
    {
        await using var server = await FakeExchangeServer.StartAsync(app => app.MapPost("/0/private/Balance", () =>
            Results.Text("""{"error":["EAPI:Invalid nonce"]}""", "application/json")));
        var adapter = new KrakenAdapter(new HttpClient { BaseAddress = server.BaseAddress }, new ManualTimeProvider());

        var error = await Assert.ThrowsAsync<ExchangeException>(() => adapter.GetBalancesAsync(Kraken, default));

        Assert.Equal("EAPI:Invalid nonce", error.Code);
        Assert.Contains("Invalid nonce", error.Message, StringComparison.Ordinal);
    }
}
