using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Brokers;

/// <summary>
/// Kraken's REST API: private POSTs carry a nonce in the form body, the API-Key header and the
/// API-Sign signature. Kraken does not report a key's permissions, so they are "not known" and the
/// withdrawal check cannot refuse a Kraken key: users are told to create keys without withdrawal.
/// Pairs map "BTC-USD" → "XBTUSD".
/// </summary>
public sealed class KrakenAdapter(HttpClient http, TimeProvider time) : IExchangeAdapter
{
    private long _lastNonce;

    public string Name => "kraken";

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
        var pair = order.Symbol.Replace("BTC", "XBT", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var form = $"ordertype={(order.Type == OrderType.Limit ? "limit" : "market")}&pair={pair}" +
            (order.Type == OrderType.Limit ? $"&price={order.LimitPrice!.Value.ToString(CultureInfo.InvariantCulture)}" : "") +
            $"&type={(order.Side == OrderSide.Buy ? "buy" : "sell")}&volume={order.Quantity.ToString(CultureInfo.InvariantCulture)}&cl_ord_id={Uri.EscapeDataString(order.ClientOrderId)}";
        var result = await PostAsync("/0/private/AddOrder", form, credentials, cancellationToken);
        var id = result.GetProperty("txid").EnumerateArray().First().GetString()!;
        return new ExchangeOrderAck(id, order.ClientOrderId, "pending", 0, 0);
    }

    private async Task<JsonElement> PostAsync(string path, string form, ExchangeCredentials credentials, CancellationToken cancellationToken)
    {
        var nonce = NextNonce().ToString(CultureInfo.InvariantCulture);
        var body = $"nonce={nonce}{(form.Length > 0 ? "&" + form : "")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("API-Key", credentials.ApiKey);
        request.Headers.Add("API-Sign", KrakenSigner.Sign(credentials.ApiSecret, path, nonce, body));
        using var response = await http.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (json.TryGetProperty("error", out var errors) && errors.GetArrayLength() > 0)
        {
            var first = errors[0].GetString() ?? "";
            throw new ExchangeException(Name, first.Split(':')[0], first);
        }

        return json.GetProperty("result");
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
