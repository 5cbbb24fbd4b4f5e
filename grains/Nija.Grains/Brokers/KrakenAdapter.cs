using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Brokers;

/// <summary>
/// Kraken's REST API: private POSTs carry a nonce in the form body, the API-Key header and the
/// API-Sign signature. Kraken does not report a key's permissions, so they are "not known" and the
/// withdrawal check cannot refuse a Kraken key: users are told to create keys without withdrawal.
/// Pairs map "BTC-USD" → "XBTUSD". Orders carry Nija's client order id as Kraken's cl_ord_id, which
/// OpenOrders, ClosedOrders and CancelOrder take as a filter or key.
/// </summary>
public sealed class KrakenAdapter(HttpClient http, TimeProvider time) : IExchangeAdapter
{
    /// <summary>
    /// How long after it is sent Kraken's engine may still accept an order (its "deadline", 2-60 s by
    /// Kraken's rules). An order not found well after this (Nija:LiveTrading:NotReceivedAfter) never arrived.
    /// </summary>
    public static readonly TimeSpan OrderDeadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PairsKeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (JsonProperty Pair, DateTimeOffset ReadAt)> _pairs = new(StringComparer.Ordinal);
    private long _lastNonce;

    public string Name => "kraken";

    // Kraken's API counter: +1 per private call, +2 for history; placing and canceling count on the separate trading limiter.
    // A lookup by client order id may need OpenOrders and ClosedOrders.
    public int Weight(ExchangeCall call) => call switch
    {
        ExchangeCall.Fills or ExchangeCall.Query => 2,
        _ => 1,
    };

    public Task<ExchangePermissions> GetPermissionsAsync(ExchangeCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult(new ExchangePermissions(Known: false, CanTrade: true, CanWithdraw: false));

    public async Task<IReadOnlyList<ExchangeBalance>> GetBalancesAsync(ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var result = await PostAsync("/0/private/Balance", "", credentials, cancellationToken);
        return [.. result.EnumerateObject().Select(p => new ExchangeBalance(p.Name, decimal.Parse(p.Value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture), 0))];
    }

    public async Task<ExchangeOrderAck> PlaceOrderAsync(ExchangeCredentials credentials, ExchangeOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var pair = Pair(order.Symbol);
        var form = $"ordertype={(order.Type == OrderType.Limit ? "limit" : "market")}&pair={pair}" +
            (order.Type == OrderType.Limit ? $"&price={order.LimitPrice!.Value.ToString(CultureInfo.InvariantCulture)}" : "") +
            $"&type={(order.Side == OrderSide.Buy ? "buy" : "sell")}&volume={order.Quantity.ToString(CultureInfo.InvariantCulture)}&cl_ord_id={Uri.EscapeDataString(order.ClientOrderId)}" +
            $"&deadline={Uri.EscapeDataString((time.GetUtcNow() + OrderDeadline).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))}";
        var result = await PostAsync("/0/private/AddOrder", form, credentials, cancellationToken);
        var id = result.GetProperty("txid").EnumerateArray().First().GetString()!;
        return new ExchangeOrderAck(id, order.ClientOrderId, OrderStatus.Submitted, 0, 0);
    }

    public async Task<ExchangeOrderReport?> GetOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        var id = $"cl_ord_id={Uri.EscapeDataString(clientOrderId)}";
        var open = (await PostAsync("/0/private/OpenOrders", id, credentials, cancellationToken)).GetProperty("open");
        var found = open.EnumerateObject().FirstOrDefault();
        if (found.Value.ValueKind != JsonValueKind.Object)
        {
            found = (await PostAsync("/0/private/ClosedOrders", id, credentials, cancellationToken)).GetProperty("closed").EnumerateObject().FirstOrDefault();
        }

        return found.Value.ValueKind == JsonValueKind.Object ? Report(found.Name, found.Value, symbol, clientOrderId) : null;
    }

    public async Task<IReadOnlyList<ExchangeOrderReport>> GetOpenOrdersAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken)
    {
        var open = (await PostAsync("/0/private/OpenOrders", "", credentials, cancellationToken)).GetProperty("open");
        return [.. open.EnumerateObject()
            .Where(o => o.Value.GetProperty("descr").GetProperty("pair").GetString() == Pair(symbol))
            .Select(o => Report(o.Name, o.Value, symbol, null))];
    }

    public async Task<bool> CancelOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await PostAsync("/0/private/CancelOrder", $"cl_ord_id={Uri.EscapeDataString(clientOrderId)}", credentials, cancellationToken);
            return result.GetProperty("count").GetInt32() > 0;
        }
        catch (ExchangeException e) when (e.Message.Contains("Unknown order", StringComparison.Ordinal))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ExchangeFill>> GetFillsAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken)
    {
        // Trades name the pair by its full name ("XXBTZUSD"); AssetPairs says which that is.
        var pairs = await AssetPairAsync(symbol, cancellationToken);
        var trades = (await PostAsync("/0/private/TradesHistory", "", credentials, cancellationToken)).GetProperty("trades");
        return [.. trades.EnumerateObject()
            .Where(t => t.Value.GetProperty("pair").GetString() is { } p && (p == pairs.Name || p == Pair(symbol)))
            .Select(t => new ExchangeFill(t.Name, t.Value.GetProperty("ordertxid").GetString()!, symbol,
                t.Value.GetProperty("type").GetString() == "buy" ? OrderSide.Buy : OrderSide.Sell,
                Decimal(t.Value.GetProperty("price")), Decimal(t.Value.GetProperty("vol")), Decimal(t.Value.GetProperty("fee")),
                pairs.Value.GetProperty("fee_volume_currency").GetString() ?? "", Time(t.Value.GetProperty("time"))))
            .OrderBy(f => f.At)];
    }

    public async Task<decimal> GetPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        // "c" is the last trade closed: [price, lot volume].
        using var response = await http.GetAsync($"/0/public/Ticker?pair={Pair(symbol)}", cancellationToken);
        var json = await ExchangeHttp.ReadJsonAsync(response, Name, cancellationToken);
        ThrowOnError(json);
        return Decimal(json.GetProperty("result").EnumerateObject().First().Value.GetProperty("c")[0]);
    }

    public async Task<SymbolRules> GetSymbolRulesAsync(string symbol, CancellationToken cancellationToken)
    {
        var pair = (await AssetPairAsync(symbol, cancellationToken)).Value;
        var leverage = pair.GetProperty("leverage_buy").EnumerateArray().Select(l => l.GetInt32()).DefaultIfEmpty(1).Max();
        return new SymbolRules(symbol, Decimal(pair.GetProperty("ordermin")), null,
            Pow10(-pair.GetProperty("lot_decimals").GetInt32()), Decimal(pair.GetProperty("tick_size")),
            pair.TryGetProperty("costmin", out var costmin) ? Decimal(costmin) : 0m, leverage);
    }

    // A pair's description changes rarely; fills and rules both need it, so it is read once an hour.
    private async Task<JsonProperty> AssetPairAsync(string symbol, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_pairs.TryGetValue(symbol, out var kept) && now - kept.ReadAt < PairsKeptFor)
        {
            return kept.Pair;
        }

        var json = await http.GetFromJsonAsync<JsonElement>($"/0/public/AssetPairs?pair={Pair(symbol)}", cancellationToken);
        ThrowOnError(json);
        var pair = json.GetProperty("result").EnumerateObject().First();
        _pairs[symbol] = (pair, now);
        return pair;
    }

    private static ExchangeOrderReport Report(string txid, JsonElement o, string symbol, string? clientOrderId)
    {
        var executed = Decimal(o.GetProperty("vol_exec"));
        var status = o.GetProperty("status").GetString() switch
        {
            "pending" => OrderStatus.Submitted,
            "open" => executed > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Submitted,
            "closed" => OrderStatus.Filled,
            "canceled" => OrderStatus.Canceled,
            "expired" => OrderStatus.Expired,
            var other => throw new ExchangeException("kraken", "status", $"Unknown order status '{other}'."),
        };
        var descr = o.GetProperty("descr");
        return new ExchangeOrderReport(txid, o.TryGetProperty("cl_ord_id", out var cl) ? cl.GetString()! : clientOrderId ?? "", symbol,
            descr.GetProperty("type").GetString() == "buy" ? OrderSide.Buy : OrderSide.Sell, status,
            Decimal(o.GetProperty("vol")), executed, executed > 0 ? Decimal(o.GetProperty("cost")) / executed : null);
    }

    private static string Pair(string symbol) => symbol.Replace("BTC", "XBT", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static decimal Decimal(JsonElement e) => decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal Pow10(int exponent) => exponent >= 0 ? (decimal)Math.Pow(10, exponent) : 1m / (decimal)Math.Pow(10, -exponent);

    private static DateTimeOffset Time(JsonElement seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds.GetDouble() * 1000));

    private void ThrowOnError(JsonElement json)
    {
        if (json.TryGetProperty("error", out var errors) && errors.GetArrayLength() > 0)
        {
            // "<severity><category>:<message>[:<detail>]": the code keeps the category and message, so
            // "EGeneral:Invalid arguments" (the request's fault) stays apart from "EGeneral:Internal error".
            var first = errors[0].GetString() ?? "";
            var detail = first.IndexOf(':', first.IndexOf(':', StringComparison.Ordinal) + 1);
            throw new ExchangeException(Name, detail > 0 ? first[..detail] : first, first);
        }
    }

    private async Task<JsonElement> PostAsync(string path, string form, ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var nonce = NextNonce().ToString(CultureInfo.InvariantCulture);
        var body = $"nonce={nonce}{(form.Length > 0 ? "&" + form : "")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("API-Key", credentials.ApiKey);
        request.Headers.Add("API-Sign", KrakenSigner.Sign(credentials.ApiSecret, path, nonce, body));
        using var response = await http.SendAsync(request, cancellationToken);
        var json = await ExchangeHttp.ReadJsonAsync(response, Name, cancellationToken);
        ThrowOnError(json);
        return response.IsSuccessStatusCode
            ? json.GetProperty("result")
            : throw new ExchangeException(Name, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    // Kraken requires a strictly increasing nonce per key.
    private long NextNonce()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastNonce);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastNonce, next, last) != last);
        return next;
    }
}
