using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Brokers;

/// <summary>
/// One trade (execution) of an order on the exchange. The trade id is what stops a fill from being
/// applied twice; the fee is in the exchange's fee asset (the base asset on a Binance buy).
/// </summary>
public sealed record ExchangeFill(string TradeId, string ExchangeOrderId, string Symbol, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, string FeeAsset, DateTimeOffset At);
