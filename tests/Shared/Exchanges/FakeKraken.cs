using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Nija.Grains.Brokers;

namespace Nija.Tests.Shared.Exchanges;

/// <summary>
/// Kraken's spot REST API as documented, over one in-memory account: private AddOrder, OpenOrders,
/// ClosedOrders, CancelOrder, TradesHistory and Balance (each checks API-Key and API-Sign over the nonce and
/// form body), and the public AssetPairs and Ticker. Market orders fill at once at <see cref="MarketPrice"/>.
/// An order's "deadline" is honoured against <paramref name="clock"/>: one arriving after it, or one
/// asking for more than 60 s, is refused. Kraken does not document the error text of a passed deadline;
/// the fake answers with its general invalid-argument form.
/// </summary>
public sealed class FakeKraken(ExchangeCredentials credentials, TimeProvider? clock = null)
{
    public const decimal MarketPrice = 30010m;
    private static readonly TimeSpan LongestDeadline = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, Dictionary<string, object>> _orders = [];
    private readonly Dictionary<string, Dictionary<string, object>> _trades = [];
    private readonly Lock _lock = new();

    /// <summary>How long an order takes to reach the matching engine, as if it queued on the way.</summary>
    public TimeSpan ArrivalDelay { get; set; }

    /// <summary>How far ahead of its arrival each order's deadline was, in the order received.</summary>
    public List<TimeSpan> DeadlineLeads { get; } = [];

    public Task<FakeExchangeServer> StartAsync() => FakeExchangeServer.StartAsync(Map);

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/0/private/AddOrder", (HttpRequest r) => Signed(r, "/0/private/AddOrder", AddOrder));
        app.MapPost("/0/private/OpenOrders", (HttpRequest r) => Signed(r, "/0/private/OpenOrders", f => Ok(new { open = Orders(f, "open", "pending") })));
        app.MapPost("/0/private/ClosedOrders", (HttpRequest r) => Signed(r, "/0/private/ClosedOrders", f =>
        {
            var closed = Orders(f, "closed", "canceled", "expired");
            return Ok(new { closed, count = closed.Count });
        }));
        app.MapPost("/0/private/CancelOrder", (HttpRequest r) => Signed(r, "/0/private/CancelOrder", CancelOrder));
        app.MapPost("/0/private/TradesHistory", (HttpRequest r) => Signed(r, "/0/private/TradesHistory", _ =>
        {
            lock (_lock)
            {
                return Ok(new { trades = _trades, count = _trades.Count });
            }
        }));
        app.MapPost("/0/private/Balance", (HttpRequest r) => Signed(r, "/0/private/Balance", _ => Ok(new Dictionary<string, string> { ["ZUSD"] = "1000.0000", ["XXBT"] = "0.0000000000" })));
        app.MapGet("/0/public/Ticker", () => Ok(new Dictionary<string, object>
        {
            ["XXBTZUSD"] = new { a = new[] { P(MarketPrice + 0.1m), "1", "1.000" }, b = new[] { P(MarketPrice - 0.1m), "1", "1.000" }, c = new[] { P(MarketPrice), "0.00067643" } },
        }));
        app.MapGet("/0/public/AssetPairs", () => Results.Text("""
            {"error":[],"result":{"XXBTZUSD":{"altname":"XBTUSD","wsname":"XBT/USD","aclass_base":"currency","base":"XXBT","aclass_quote":"currency",
            "quote":"ZUSD","lot":"unit","cost_decimals":5,"pair_decimals":1,"lot_decimals":8,"lot_multiplier":1,"leverage_buy":[2,3,4,5],
            "leverage_sell":[2,3,4,5],"fees":[[0,0.26],[50000,0.24]],"fees_maker":[[0,0.16],[50000,0.14]],"fee_volume_currency":"ZUSD",
            "margin_call":80,"margin_stop":40,"ordermin":"0.0001","costmin":"0.5","tick_size":"0.1","status":"online"}}}
            """, "application/json"));
    }

    private IResult AddOrder(Dictionary<string, string> f)
    {
        lock (_lock)
        {
            if (f.TryGetValue("deadline", out var deadline))
            {
                var lead = DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture) - (clock ?? TimeProvider.System).GetUtcNow() - ArrivalDelay;
                DeadlineLeads.Add(lead);
                if (lead <= TimeSpan.Zero || lead > LongestDeadline)
                {
                    return Results.Text("""{"error":["EGeneral:Invalid arguments:deadline"]}""", "application/json");
                }
            }

            var txid = $"OQCLML-BW3P3-BU{_orders.Count:D4}";
            var volume = decimal.Parse(f["volume"], CultureInfo.InvariantCulture);
            var market = f["ordertype"] == "market";
            var price = market ? MarketPrice : decimal.Parse(f["price"], CultureInfo.InvariantCulture);
            var cost = market ? volume * price : 0;
            _orders[txid] = new Dictionary<string, object>
            {
                ["refid"] = "", ["userref"] = 0, ["cl_ord_id"] = f["cl_ord_id"], ["status"] = market ? "closed" : "open",
                ["opentm"] = 1688666559.8974, ["starttm"] = 0, ["expiretm"] = 0,
                ["descr"] = new { pair = f["pair"], type = f["type"], ordertype = f["ordertype"], price = market ? "0" : P(price), price2 = "0", leverage = "none",
                    order = $"{f["type"]} {volume} {f["pair"]} @ {f["ordertype"]}", close = "" },
                ["vol"] = P(volume), ["vol_exec"] = P(market ? volume : 0), ["cost"] = P(cost), ["fee"] = P(cost * 0.0026m),
                ["price"] = P(market ? price : 0), ["stopprice"] = "0.00000", ["limitprice"] = "0.00000", ["misc"] = "", ["oflags"] = "fciq",
            };
            if (market)
            {
                _trades[$"THVRQM-33VKH-UC{_trades.Count:D4}"] = new Dictionary<string, object>
                {
                    ["ordertxid"] = txid, ["postxid"] = "TKH2SE-M7IF5-CFI7LT", ["pair"] = "XXBTZUSD", ["time"] = 1688667796.8802,
                    ["type"] = f["type"], ["ordertype"] = "market", ["price"] = P(price), ["cost"] = P(cost), ["fee"] = P(cost * 0.0026m),
                    ["vol"] = P(volume), ["margin"] = "0.00000", ["misc"] = "",
                };
            }

            return Ok(new { descr = new { order = $"{f["type"]} {volume} {f["pair"]} @ {f["ordertype"]}" }, txid = new[] { txid } });
        }
    }

    private IResult CancelOrder(Dictionary<string, string> f)
    {
        lock (_lock)
        {
            var order = _orders.Values.FirstOrDefault(o => (string)o["cl_ord_id"] == f["cl_ord_id"] && (string)o["status"] == "open");
            if (order is null)
            {
                return Results.Text("""{"error":["EOrder:Unknown order"]}""", "application/json");
            }

            order["status"] = "canceled";
            return Ok(new { count = 1 });
        }
    }

    private Dictionary<string, Dictionary<string, object>> Orders(Dictionary<string, string> f, params string[] statuses)
    {
        lock (_lock)
        {
            return _orders.Where(o => statuses.Contains((string)o.Value["status"]) && (!f.TryGetValue("cl_ord_id", out var id) || (string)o.Value["cl_ord_id"] == id))
                .ToDictionary(o => o.Key, o => o.Value);
        }
    }

    // API-Key, then API-Sign = HMAC-SHA512(path + SHA256(nonce + body)) under the decoded secret, as Kraken checks them.
    private async Task<IResult> Signed(HttpRequest r, string path, Func<Dictionary<string, string>, IResult> handle)
    {
        var body = await new StreamReader(r.Body).ReadToEndAsync();
        var form = QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        var valid = r.Headers["API-Key"] == credentials.ApiKey && form.TryGetValue("nonce", out var nonce)
            && r.Headers["API-Sign"] == KrakenSigner.Sign(credentials.ApiSecret, path, nonce, body);
        return valid ? handle(form) : Results.Text("""{"error":["EAPI:Invalid signature"]}""", "application/json");
    }

    private static IResult Ok(object result) => Results.Text(JsonSerializer.Serialize(new { error = Array.Empty<string>(), result }), "application/json");

    private static string P(decimal d) => d.ToString("F8", CultureInfo.InvariantCulture);
}
