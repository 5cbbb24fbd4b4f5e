namespace Nija.GrainInterfaces.Orders;

/// <summary>An order as a trader or a strategy asks for it. Exactly one of SizeUsd and Quantity.</summary>
/// <param name="Broker">The broker account ("paper" for the paper exchange).</param>
/// <param name="Symbol">The pair, such as "BTC-USD".</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">The order type.</param>
/// <param name="SizeUsd">The notional in USD, converted to a quantity at the current price.</param>
/// <param name="Quantity">The quantity in base units.</param>
/// <param name="LimitPrice">For limit orders.</param>
/// <param name="StopPrice">For stop-loss and take-profit orders.</param>
/// <param name="TrailingPercent">For trailing stops: the distance from the best price, in percent.</param>
/// <param name="ClientOrderId">Makes submission idempotent: the same id never makes a second order.</param>
public sealed record PlaceOrderRequest(
    string Broker,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal? SizeUsd = null,
    decimal? Quantity = null,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    decimal? TrailingPercent = null,
    string? ClientOrderId = null);
