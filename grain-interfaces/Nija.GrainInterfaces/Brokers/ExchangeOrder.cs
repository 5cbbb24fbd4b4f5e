using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Brokers;

/// <summary>
/// An order as sent to an exchange (market or limit; Nija keeps stops on its side). Its client
/// order id is Nija's, and is what finds the order again when the exchange's answer is lost.
/// </summary>
public sealed record ExchangeOrder(string Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? LimitPrice, string ClientOrderId);
