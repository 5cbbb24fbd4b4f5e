using System.Text.Json.Serialization;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Trading;

/// <summary>
/// An order as the trading grain stores it while it is open. The grain's state is written whole on every
/// change, so what is derived is not stored and an absent value is left out.
/// </summary>
public sealed class OrderState
{
    public string Id { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientOrderId { get; set; }

    public string Broker { get; set; } = "paper";

    public string Symbol { get; set; } = "";

    public OrderSide Side { get; set; }

    public OrderType Type { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.New;

    public decimal Quantity { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? LimitPrice { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? StopPrice { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TrailingPercent { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RejectReason { get; set; }

    /// <summary>The id the exchange knows a live order by (at most 36 characters, as Binance allows).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExchangeClientOrderId { get; set; }

    /// <summary>The exchange's own id, once it answered.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExchangeOrderId { get; set; }

    /// <summary>Sent (or about to be) with no answer yet: the order may exist on the exchange; reconciliation resolves it.</summary>
    public bool OutcomeUnknown { get; set; }

    /// <summary>When a live order was (last) sent: a stop is created long before it triggers and is sent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<Fill> Fills { get; set; } = [];

    /// <summary>Whether the final order was handed to the history.</summary>
    public bool Archived { get; set; }

    [JsonIgnore]
    public bool IsWorking => Status is OrderStatus.Submitted or OrderStatus.PartiallyFilled;

    /// <summary>On a real exchange, which executes it; the paper exchange's orders execute in the grain.</summary>
    [JsonIgnore]
    public bool IsLive => Broker != "paper";

    /// <summary>A stop-loss, take-profit or trailing stop: it waits for its trigger price, then executes at market.</summary>
    [JsonIgnore]
    public bool IsConditional => Type is OrderType.StopLoss or OrderType.TakeProfit or OrderType.TrailingStop;

    /// <summary>A live conditional order Nija holds until it triggers; until then the exchange knows nothing of it.</summary>
    [JsonIgnore]
    public bool IsHeld => IsLive && IsWorking && ExchangeClientOrderId is null;

    /// <summary>Still needs the exchange: sent, and working there or without an answer.</summary>
    [JsonIgnore]
    public bool AwaitsExchange => IsLive && ExchangeClientOrderId is not null && (OutcomeUnknown || IsWorking);

    /// <summary>What the exchange is asked for: a triggered stop is sent as a market order.</summary>
    [JsonIgnore]
    public OrderType SentType => Type == OrderType.Limit ? OrderType.Limit : OrderType.Market;

    [JsonIgnore]
    public decimal FilledQuantity => Fills.Sum(f => f.Quantity);

    public OrderView ToView()
    {
        var filled = FilledQuantity;
        return new OrderView(Id, ClientOrderId, Broker, Symbol, Side, Type, Status, Quantity, filled,
            filled == 0 ? 0 : Math.Round(Fills.Sum(f => f.Price * f.Quantity) / filled, 8), LimitPrice, StopPrice,
            Fills.Sum(f => f.Fee), RejectReason, CreatedAt, UpdatedAt, [.. Fills]);
    }
}
