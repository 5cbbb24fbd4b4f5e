using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Brokers;

/// <summary>One trade (execution) of an order on the exchange.</summary>
public sealed record ExchangeFill(string TradeId, string ExchangeOrderId, string Symbol, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, string FeeAsset, DateTimeOffset At);
