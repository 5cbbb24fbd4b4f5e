using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Trading;

/// <summary>What placing an order did: the order (possibly rejected, with the reason), and whether it was a replay of an earlier request with the same client order id.</summary>
public sealed record PlaceOrderResult(OrderView Order, bool Replayed);
