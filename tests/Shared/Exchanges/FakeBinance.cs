using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nija.Grains.Brokers;

namespace Nija.Tests.Shared.Exchanges;

/// <summary>
/// Binance Spot's REST API as documented, over one in-memory account: signed order, query, open
/// orders, cancel and trade routes (each checks the key header and the HMAC signature), and the
/// public exchangeInfo and ticker. Market orders fill at once at <see cref="Price"/> (first
/// <see cref="MarketPrice"/>); limit orders rest until <see cref="FillResting"/>. Faults are injected the way Binance documents them: an HTTP
/// 5xx means "unknown, could have been a success".
/// </summary>
public sealed class FakeBinance
{
    public const decimal MarketPrice = 60120m;
    private readonly Dictionary<string, Dictionary<string, object>> _orders = [];
    private readonly List<Dictionary<string, object>> _trades = [];
    private readonly Lock _lock = new();
    private long _nextId = 28;
    private int _lostAnswers;
    private int _unsentFailures;
    private decimal _quote = 1_000m;
    private decimal _base;
    private decimal _price = MarketPrice;
    private decimal? _bnbPrice;

    public FakeBinance(ExchangeCredentials credentials) => Credentials = credentials;

    public ExchangeCredentials Credentials { get; }

    /// <summary>The last price: the ticker's answer and where market orders fill.</summary>
    public decimal Price
    {
        get
        {
            lock (_lock)
            {
                return _price;
            }
        }

        set
        {
            lock (_lock)
            {
                _price = value;
            }
        }
    }

    /// <summary>
    /// When set, the account pays commissions in BNB at this BNBUSDT price, with Binance's 25 % discount
    /// (0.075 % of the value traded), instead of in the asset received.
    /// </summary>
    public decimal? BnbPrice
    {
        get
        {
            lock (_lock)
            {
                return _bnbPrice;
            }
        }

        set
        {
            lock (_lock)
            {
                _bnbPrice = value;
            }
        }
    }

    /// <summary>Every signed request answers HTTP 503 without doing anything.</summary>
    public bool Down { get; set; }

    /// <summary>How many orders the exchange holds.</summary>
    public int OrderCount
    {
        get
        {
            lock (_lock)
            {
                return _orders.Count;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> orders are placed, but their answers are lost (HTTP 502).</summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref _lostAnswers, count);

    /// <summary>The next <paramref name="count"/> orders fail before they reach the book (HTTP 503).</summary>
    public void FailNextOrders(int count) => Interlocked.Exchange(ref _unsentFailures, count);

    /// <summary>The resting order <paramref name="clientOrderId"/> fills at its limit price, as if the market crossed it.</summary>
    public void FillResting(string clientOrderId)
    {
        lock (_lock)
        {
            var order = _orders[clientOrderId];
            order["status"] = "FILLED";
            var quantity = decimal.Parse((string)order["origQty"], CultureInfo.InvariantCulture);
            var price = decimal.Parse((string)order["price"], CultureInfo.InvariantCulture);
            order["executedQty"] = F8(quantity);
            order["cummulativeQuoteQty"] = F8(quantity * price);
            Trade((string)order["symbol"], (long)order["orderId"], (string)order["side"], price, quantity, isMaker: true);
        }
    }

    public Task<FakeExchangeServer> StartAsync() => FakeExchangeServer.StartAsync(Map);

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v3/order", (HttpRequest r) => Signed(r, Place));
        app.MapGet("/api/v3/account", (HttpRequest r) => Signed(r, _ =>
        {
            lock (_lock)
            {
                return Results.Json(new
                {
                    makerCommission = 10, takerCommission = 10, canTrade = true, canWithdraw = false, canDeposit = true, accountType = "SPOT",
                    balances = new[] { new { asset = "BTC", free = F8(_base), locked = F8(0) }, new { asset = "USDT", free = F8(_quote), locked = F8(0) } },
                });
            }
        }));
        app.MapGet("/sapi/v1/account/apiRestrictions", (HttpRequest r) => Signed(r, _ =>
            Results.Json(new { ipRestrict = false, enableReading = true, enableWithdrawals = false, enableSpotAndMarginTrading = true, createTime = 1698645219000L })));
        app.MapGet("/api/v3/ticker/price", (HttpRequest r) =>
        {
            var symbol = (string)r.Query["symbol"]!;
            return symbol == "BNBUSDT" && BnbPrice is null ? Error(-1121, "Invalid symbol.") : Results.Json(new { symbol, price = F8(symbol == "BNBUSDT" ? BnbPrice!.Value : Price) });
        });
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
        if (Interlocked.Decrement(ref _unsentFailures) >= 0)
        {
            return Results.Text("<html><body>503 Service Unavailable</body></html>", "text/html", statusCode: 503);
        }

        var placed = PlaceNow(q);
        return Interlocked.Decrement(ref _lostAnswers) >= 0 ? Results.Text("<html><body>502 Bad Gateway</body></html>", "text/html", statusCode: 502) : placed;
    }

    private IResult PlaceNow(IQueryCollection q)
    {
        lock (_lock)
        {
            var clientId = (string)q["newClientOrderId"]!;
            if (_orders.ContainsKey(clientId))
            {
                return Error(-2010, "Duplicate order sent.");
            }

            var quantity = decimal.Parse(q["quantity"]!, CultureInfo.InvariantCulture);
            if (quantity % 0.00001m != 0)
            {
                return Error(-1013, "Filter failure: LOT_SIZE");
            }

            var market = q["type"] == "MARKET";
            var price = market ? _price : decimal.Parse(q["price"]!, CultureInfo.InvariantCulture);
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
                Trade((string)q["symbol"]!, id, (string)q["side"]!, price, quantity, isMaker: false);
            }

            return Results.Json(order);
        }
    }

    // Binance charges the commission in the asset received (the base asset on a buy, the quote asset on a sell), or in BNB when the account pays with it.
    private void Trade(string symbol, long orderId, string side, decimal price, decimal quantity, bool isMaker)
    {
        var buy = side == "BUY";
        var inBnb = _bnbPrice is not null;
        var commission = inBnb ? Math.Round(price * quantity * 0.00075m / _bnbPrice!.Value, 8) : buy ? quantity * 0.001m : price * quantity * 0.001m;
        var (baseFee, quoteFee) = inBnb ? (0m, 0m) : buy ? (commission, 0m) : (0m, commission);
        _base += buy ? quantity - baseFee : -quantity;
        _quote += buy ? -price * quantity : price * quantity - quoteFee;
        _trades.Add(new Dictionary<string, object>
        {
            ["symbol"] = symbol, ["id"] = 28457 + _trades.Count, ["orderId"] = orderId, ["orderListId"] = -1,
            ["price"] = F8(price), ["qty"] = F8(quantity), ["quoteQty"] = F8(price * quantity),
            ["commission"] = F8(commission), ["commissionAsset"] = inBnb ? "BNB" : buy ? "BTC" : "USDT", ["time"] = 1499865549590,
            ["isBuyer"] = buy, ["isMaker"] = isMaker, ["isBestMatch"] = true,
        });
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
        Down ? Results.Text("<html><body>503 Service Unavailable</body></html>", "text/html", statusCode: 503)
        : SignatureValid(r, Credentials) ? handle(r.Query) : Error(-1022, "Signature for this request is not valid.");

    private static IResult Error(int code, string message) => Results.Json(new { code, msg = message }, statusCode: 400);

    private static string F8(decimal d) => d.ToString("F8", CultureInfo.InvariantCulture);
}
