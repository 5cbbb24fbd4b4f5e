using Nija.GrainInterfaces.Orders;

namespace Nija.Api.Webhooks;

/// <summary>A TradingView alert's JSON message, as the user writes it in the alert's body.</summary>
internal sealed record TradingViewAlert(
    string Symbol,
    OrderSide Side,
    string? AlertId = null,
    string Broker = "paper",
    OrderType Type = OrderType.Market,
    decimal? SizeUsd = null,
    decimal? Quantity = null,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    decimal? TrailingPercent = null)
{
    public PlaceOrderRequest ToOrder() =>
        new(Broker, Symbol, Side, Type, SizeUsd, Quantity, LimitPrice, StopPrice, TrailingPercent, AlertId is null ? null : "tv-" + AlertId);
}
