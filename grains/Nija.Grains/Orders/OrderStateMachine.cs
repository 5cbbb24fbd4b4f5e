using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Orders;

/// <summary>
/// The legal order transitions: New → Submitted | Rejected | Canceled; Submitted → PartiallyFilled |
/// Filled | Canceled | Rejected | Expired; PartiallyFilled → PartiallyFilled | Filled | Canceled |
/// Expired. Final states never change.
/// </summary>
public static class OrderStateMachine
{
    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired;

    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.New, OrderStatus.Submitted or OrderStatus.Rejected or OrderStatus.Canceled) => true,
        (OrderStatus.Submitted, OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired) => true,
        (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired) => true,
        _ => false,
    };

    /// <summary>The new status, or an exception naming the illegal move.</summary>
    public static OrderStatus Move(OrderStatus from, OrderStatus to) =>
        CanMove(from, to) ? to : throw new InvalidOperationException($"An order cannot go from {from} to {to}.");
}
