using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Brokers;

/// <summary>
/// The exchange's answer to an order, its status mapped onto Nija's order states, with the quantity
/// filled by the time it answered and what that cost (or fetched) in the quote asset.
/// </summary>
public sealed record ExchangeOrderAck(string ExchangeOrderId, string ClientOrderId, OrderStatus Status, decimal ExecutedQuantity, decimal QuoteQuantity);
