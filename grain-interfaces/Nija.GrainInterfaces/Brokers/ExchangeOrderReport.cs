using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Brokers;

/// <summary>An order as the exchange reports it, its status mapped onto Nija's order states.</summary>
/// <param name="ExchangeOrderId">The exchange's id.</param>
/// <param name="ClientOrderId">The id Nija gave it (what finds an order whose placement answer was lost).</param>
/// <param name="Symbol">Nija's symbol ("BTC-USDT").</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Status">Submitted (resting), PartiallyFilled, Filled, Canceled, Rejected or Expired.</param>
/// <param name="Quantity">The quantity ordered.</param>
/// <param name="ExecutedQuantity">The quantity filled so far.</param>
/// <param name="AveragePrice">The average fill price, once something filled.</param>
public sealed record ExchangeOrderReport(
    string ExchangeOrderId,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderStatus Status,
    decimal Quantity,
    decimal ExecutedQuantity,
    decimal? AveragePrice);
