using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Orders;

/// <summary>An order as its owner sees it.</summary>
public sealed record OrderView(
    string Id,
    string? ClientOrderId,
    string Broker,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    OrderStatus Status,
    decimal Quantity,
    decimal FilledQuantity,
    decimal AveragePrice,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal Fees,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ImmutableArray<Fill> Fills);
