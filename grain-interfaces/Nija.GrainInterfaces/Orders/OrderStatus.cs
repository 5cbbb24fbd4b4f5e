namespace Nija.GrainInterfaces.Orders;

/// <summary>
/// The life of an order: New → Submitted → PartiallyFilled → Filled, or Canceled, Rejected or
/// Expired. Filled, Canceled, Rejected and Expired are final.
/// </summary>
public enum OrderStatus
{
    New,
    Submitted,
    PartiallyFilled,
    Filled,
    Canceled,
    Rejected,
    Expired,
}
