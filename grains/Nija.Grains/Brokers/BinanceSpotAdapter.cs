using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Brokers;

/// <summary>
/// Binance Spot over its REST API: signed requests (timestamp, recvWindow, HMAC-SHA256 signature,
/// X-MBX-APIKEY header) to a configurable base URL. Symbols map "BTC-USDT" → "BTCUSDT". Orders are
/// found again by the client order id Nija gives them (newClientOrderId / origClientOrderId).
/// </summary>
public sealed class BinanceSpotAdapter(HttpClient http, TimeProvider time) : IExchangeAdapter
{
    // "Order does not exist." (query) and "Unknown order sent." (cancel).
    private const string NoSuchOrder = "-2013";
    private const string UnknownOrder = "-2011";

    public string Name => "binance";

    // Binance's documented request weights: account and myTrades 20, a single order query 4, the ticker of one symbol 2.
    public int Weight(ExchangeCall call) => call switch
    {
        ExchangeCall.Balances or ExchangeCall.Fills => 20,
        ExchangeCall.Query => 4,
        ExchangeCall.Price => 2,
        _ => 1,
    };

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
        var query = $"symbol={Pair(order.Symbol)}&side={(order.Side == OrderSide.Buy ? "BUY" : "SELL")}" +
            (order.Type == OrderType.Limit
                ? $"&type=LIMIT&timeInForce=GTC&quantity={Invariant(order.Quantity)}&price={Invariant(order.LimitPrice!.Value)}"
                : $"&type=MARKET&quantity={Invariant(order.Quantity)}") +
            $"&newClientOrderId={Uri.EscapeDataString(order.ClientOrderId)}";
        var json = await SendAsync(HttpMethod.Post, "/api/v3/order", query, credentials, cancellationToken);
        return new ExchangeOrderAck(json.GetProperty("orderId").GetRawText(), json.GetProperty("clientOrderId").GetString()!,
            Status(json.GetProperty("status").GetString()!), Decimal(json.GetProperty("executedQty")), Decimal(json.GetProperty("cummulativeQuoteQty")));
    }

    public async Task<ExchangeOrderReport?> GetOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            var json = await SendAsync(HttpMethod.Get, "/api/v3/order", $"symbol={Pair(symbol)}&origClientOrderId={Uri.EscapeDataString(clientOrderId)}", credentials, cancellationToken);
            return Report(json, symbol);
        }
        catch (ExchangeException e) when (e.Code == NoSuchOrder)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ExchangeOrderReport>> GetOpenOrdersAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, "/api/v3/openOrders", $"symbol={Pair(symbol)}", credentials, cancellationToken);
        return [.. json.EnumerateArray().Select(o => Report(o, symbol))];
    }

    public async Task<bool> CancelOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Delete, "/api/v3/order", $"symbol={Pair(symbol)}&origClientOrderId={Uri.EscapeDataString(clientOrderId)}", credentials, cancellationToken);
            return true;
        }
        catch (ExchangeException e) when (e.Code is UnknownOrder or NoSuchOrder)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ExchangeFill>> GetFillsAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, "/api/v3/myTrades", $"symbol={Pair(symbol)}", credentials, cancellationToken);
        return [.. json.EnumerateArray().Select(t => new ExchangeFill(
            t.GetProperty("id").GetRawText(), t.GetProperty("orderId").GetRawText(), symbol,
            t.GetProperty("isBuyer").GetBoolean() ? OrderSide.Buy : OrderSide.Sell,
            Decimal(t.GetProperty("price")), Decimal(t.GetProperty("qty")), Decimal(t.GetProperty("commission")),
            t.GetProperty("commissionAsset").GetString()!, DateTimeOffset.FromUnixTimeMilliseconds(t.GetProperty("time").GetInt64())))];
    }

    public async Task<decimal> GetPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/v3/ticker/price?symbol={Pair(symbol)}", cancellationToken);
        var json = await ExchangeHttp.ReadJsonAsync(response, Name, cancellationToken);
        return response.IsSuccessStatusCode
            ? Decimal(json.GetProperty("price"))
            : throw new ExchangeException(Name, json.TryGetProperty("code", out var c) ? c.GetRawText() : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                json.TryGetProperty("msg", out var m) ? m.GetString() ?? "" : "");
    }

    public async Task<SymbolRules> GetSymbolRulesAsync(string symbol, CancellationToken cancellationToken)
    {
        var json = await http.GetFromJsonAsync<JsonElement>($"/api/v3/exchangeInfo?symbol={Pair(symbol)}", cancellationToken);
        var filters = json.GetProperty("symbols")[0].GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("filterType").GetString()!);
        var lot = filters["LOT_SIZE"];
        var notional = filters.TryGetValue("NOTIONAL", out var n) ? n : filters.GetValueOrDefault("MIN_NOTIONAL");
        return new SymbolRules(symbol, Decimal(lot.GetProperty("minQty")), Decimal(lot.GetProperty("maxQty")), Decimal(lot.GetProperty("stepSize")),
            Decimal(filters["PRICE_FILTER"].GetProperty("tickSize")),
            notional.ValueKind == JsonValueKind.Object ? Decimal(notional.GetProperty("minNotional")) : 0m, 1);
    }

    private static ExchangeOrderReport Report(JsonElement o, string symbol)
    {
        var executed = Decimal(o.GetProperty("executedQty"));
        var quote = Decimal(o.GetProperty("cummulativeQuoteQty"));
        return new ExchangeOrderReport(o.GetProperty("orderId").GetRawText(), o.GetProperty("clientOrderId").GetString()!, symbol,
            o.GetProperty("side").GetString() == "BUY" ? OrderSide.Buy : OrderSide.Sell, Status(o.GetProperty("status").GetString()!),
            Decimal(o.GetProperty("origQty")), executed, executed > 0 ? quote / executed : null);
    }

    // Binance's order statuses, onto Nija's order states.
    private static OrderStatus Status(string status) => status switch
    {
        "NEW" or "PENDING_NEW" => OrderStatus.Submitted,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" or "PENDING_CANCEL" => OrderStatus.Canceled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => throw new ExchangeException("binance", "status", $"Unknown order status '{status}'."),
    };

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string query, ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var totalParams = $"{(query.Length > 0 ? query + "&" : "")}recvWindow=5000&timestamp={time.GetUtcNow().ToUnixTimeMilliseconds()}";
        using var request = new HttpRequestMessage(method, $"{path}?{totalParams}&signature={BinanceSigner.Sign(credentials.ApiSecret, totalParams)}");
        request.Headers.Add("X-MBX-APIKEY", credentials.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var json = await ExchangeHttp.ReadJsonAsync(response, Name, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ExchangeException(Name, json.TryGetProperty("code", out var c) ? c.GetRawText() : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                json.TryGetProperty("msg", out var m) ? m.GetString() ?? "" : response.ReasonPhrase ?? "");
        }

        return json;
    }

    private static string Pair(string symbol) => symbol.Replace("-", "", StringComparison.Ordinal);

    private static decimal Decimal(JsonElement e) => decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
