using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Brokers;

/// <summary>An order as sent to an exchange.</summary>
public sealed record ExchangeOrder(string Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? LimitPrice, string ClientOrderId);

/// <summary>The exchange's answer to an order.</summary>
public sealed record ExchangeOrderAck(string ExchangeOrderId, string ClientOrderId, string Status, decimal ExecutedQuantity, decimal QuoteQuantity);

/// <summary>A balance of one asset.</summary>
public sealed record ExchangeBalance(string Asset, decimal Free, decimal Locked);
