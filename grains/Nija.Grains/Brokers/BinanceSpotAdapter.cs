using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Brokers;

/// <summary>
/// Binance Spot over its REST API: signed requests (timestamp, recvWindow, HMAC-SHA256 signature,
/// X-MBX-APIKEY header) to a configurable base URL. Symbols map "BTC-USDT" → "BTCUSDT".
/// </summary>
public sealed class BinanceSpotAdapter(HttpClient http, TimeProvider time) : IExchangeAdapter
{
    public string Name => "binance";

    public async Task<ExchangePermissions> GetPermissionsAsync(ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, "/sapi/v1/account/apiRestrictions", "", credentials, cancellationToken);
        return new ExchangePermissions(true,
            json.TryGetProperty("enableSpotAndMarginTrading", out var trade) && trade.GetBoolean(),
            json.TryGetProperty("enableWithdrawals", out var withdraw) && withdraw.GetBoolean());
    }

    public async Task<IReadOnlyList<ExchangeBalance>> GetBalancesAsync(ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, "/api/v3/account", "", credentials, cancellationToken);
        return [.. json.GetProperty("balances").EnumerateArray().Select(b => new ExchangeBalance(
            b.GetProperty("asset").GetString()!, Decimal(b.GetProperty("free")), Decimal(b.GetProperty("locked"))))];
    }

    public async Task<ExchangeOrderAck> PlaceOrderAsync(ExchangeCredentials credentials, ExchangeOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var query = $"symbol={order.Symbol.Replace("-", "", StringComparison.Ordinal)}&side={(order.Side == OrderSide.Buy ? "BUY" : "SELL")}" +
            (order.Type == OrderType.Limit
                ? $"&type=LIMIT&timeInForce=GTC&quantity={Invariant(order.Quantity)}&price={Invariant(order.LimitPrice!.Value)}"
                : $"&type=MARKET&quantity={Invariant(order.Quantity)}") +
            $"&newClientOrderId={Uri.EscapeDataString(order.ClientOrderId)}";
        var json = await SendAsync(HttpMethod.Post, "/api/v3/order", query, credentials, cancellationToken);
        return new ExchangeOrderAck(json.GetProperty("orderId").GetRawText(), json.GetProperty("clientOrderId").GetString()!,
            json.GetProperty("status").GetString()!, Decimal(json.GetProperty("executedQty")), Decimal(json.GetProperty("cummulativeQuoteQty")));
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string query, ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var totalParams = $"{(query.Length > 0 ? query + "&" : "")}recvWindow=5000&timestamp={time.GetUtcNow().ToUnixTimeMilliseconds()}";
        using var request = new HttpRequestMessage(method, $"{path}?{totalParams}&signature={BinanceSigner.Sign(credentials.ApiSecret, totalParams)}");
        request.Headers.Add("X-MBX-APIKEY", credentials.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ExchangeException(Name, json.TryGetProperty("code", out var c) ? c.GetRawText() : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                json.TryGetProperty("msg", out var m) ? m.GetString() ?? "" : response.ReasonPhrase ?? "");
        }

        return json;
    }

    private static decimal Decimal(JsonElement e) => decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
