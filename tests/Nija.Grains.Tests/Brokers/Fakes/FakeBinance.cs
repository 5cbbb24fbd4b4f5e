using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nija.Grains.Brokers;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.Brokers.Fakes;

/// <summary>
/// Binance Spot's REST API as documented, over one in-memory account: signed order, query, open
/// orders, cancel and trade routes (each checks the key header and the HMAC signature), and the
/// public exchangeInfo. Market orders fill at once at <see cref="MarketPrice"/>; limit orders rest.
/// </summary>
public sealed class FakeBinance
{
    public const decimal MarketPrice = 60120m;
    private readonly Dictionary<string, Dictionary<string, object>> _orders = [];
    private readonly List<Dictionary<string, object>> _trades = [];
    private readonly Lock _lock = new();
    private long _nextId = 28;

    public FakeBinance(ExchangeCredentials credentials) => Credentials = credentials;

    public ExchangeCredentials Credentials { get; }

    public Task<FakeExchangeServer> StartAsync() => FakeExchangeServer.StartAsync(Map);

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v3/order", (HttpRequest r) => Signed(r, q => Place(q)));
        app.MapGet("/api/v3/order", (HttpRequest r) => Signed(r, q => Find(q) is { } o ? Results.Json(o) : Error(-2013, "Order does not exist.")));
        app.MapDelete("/api/v3/order", (HttpRequest r) => Signed(r, Cancel));
        app.MapGet("/api/v3/openOrders", (HttpRequest r) => Signed(r, q =>
        {
            lock (_lock)
            {
                return Results.Json(_orders.Values.Where(o => (string)o["symbol"] == q["symbol"] && (string)o["status"] == "NEW").ToList());
            }
        }));
        app.MapGet("/api/v3/myTrades", (HttpRequest r) => Signed(r, q =>
        {
            lock (_lock)
            {
                return Results.Json(_trades.Where(t => (string)t["symbol"] == q["symbol"]).ToList());
            }
        }));
        app.MapGet("/api/v3/exchangeInfo", (HttpRequest r) => Results.Text($$"""
            {"timezone":"UTC","serverTime":1565246363776,"rateLimits":[],"exchangeFilters":[],"symbols":[{"symbol":"{{r.Query["symbol"]}}","status":"TRADING",
            "baseAsset":"BTC","baseAssetPrecision":8,"quoteAsset":"USDT","quotePrecision":8,"quoteAssetPrecision":8,"orderTypes":["LIMIT","MARKET"],
            "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
            {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
            {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}],
            "permissions":[],"permissionSets":[["SPOT"]],"defaultSelfTradePreventionMode":"EXPIRE_MAKER","allowedSelfTradePreventionModes":["EXPIRE_MAKER"]}]}
            """, "application/json"));
    }

    private IResult Place(IQueryCollection q)
    {
        lock (_lock)
        {
            var clientId = (string)q["newClientOrderId"]!;
            if (_orders.ContainsKey(clientId))
            {
                return Error(-2010, "Duplicate order sent.");
            }

            var quantity = decimal.Parse(q["quantity"]!, CultureInfo.InvariantCulture);
            var market = q["type"] == "MARKET";
            var price = market ? MarketPrice : decimal.Parse(q["price"]!, CultureInfo.InvariantCulture);
            var id = _nextId++;
            var order = new Dictionary<string, object>
            {
                ["symbol"] = (string)q["symbol"]!, ["orderId"] = id, ["orderListId"] = -1, ["clientOrderId"] = clientId,
                ["price"] = market ? "0.00000000" : F8(price), ["origQty"] = F8(quantity),
                ["executedQty"] = F8(market ? quantity : 0), ["cummulativeQuoteQty"] = F8(market ? quantity * price : 0),
                ["status"] = market ? "FILLED" : "NEW", ["timeInForce"] = "GTC", ["type"] = (string)q["type"]!, ["side"] = (string)q["side"]!,
                ["stopPrice"] = "0.00000000", ["time"] = 1499827319559, ["updateTime"] = 1499827319559, ["isWorking"] = true,
            };
            _orders[clientId] = order;
            if (market)
            {
                _trades.Add(new Dictionary<string, object>
                {
                    ["symbol"] = (string)q["symbol"]!, ["id"] = 28457 + _trades.Count, ["orderId"] = id, ["orderListId"] = -1,
                    ["price"] = F8(price), ["qty"] = F8(quantity), ["quoteQty"] = F8(price * quantity),
                    ["commission"] = F8(quantity * 0.001m), ["commissionAsset"] = "BTC", ["time"] = 1499865549590,
                    ["isBuyer"] = q["side"] == "BUY", ["isMaker"] = false, ["isBestMatch"] = true,
                });
            }

            return Results.Json(order);
        }
    }

    private IResult Cancel(IQueryCollection q)
    {
        lock (_lock)
        {
            if (Find(q) is not { } order || (string)order["status"] != "NEW")
            {
                return Error(-2011, "Unknown order sent.");
            }

            order["status"] = "CANCELED";
            return Results.Json(new Dictionary<string, object>(order) { ["origClientOrderId"] = order["clientOrderId"] });
        }
    }

    private Dictionary<string, object>? Find(IQueryCollection q)
    {
        lock (_lock)
        {
            return _orders.TryGetValue((string)q["origClientOrderId"]!, out var o) && (string)o["symbol"] == q["symbol"] ? o : null;
        }
    }

    /// <summary>Checks a request the way Binance does: the key header, then the signature over every other parameter.</summary>
    public static bool SignatureValid(HttpRequest request, ExchangeCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var query = request.QueryString.Value!.TrimStart('?');
        var at = query.LastIndexOf("&signature=", StringComparison.Ordinal);
        return request.Headers["X-MBX-APIKEY"] == credentials.ApiKey && at > 0 && query[(at + 11)..] == BinanceSigner.Sign(credentials.ApiSecret, query[..at]);
    }

    private IResult Signed(HttpRequest r, Func<IQueryCollection, IResult> handle) =>
        SignatureValid(r, Credentials) ? handle(r.Query) : Error(-1022, "Signature for this request is not valid.");

    private static IResult Error(int code, string message) => Results.Json(new { code, msg = message }, statusCode: 400);

    private static string F8(decimal d) => d.ToString("F8", CultureInfo.InvariantCulture);
}
