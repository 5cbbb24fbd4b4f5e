using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.Trading;

/// <summary>
/// Something a user's live views should show at once, published on the stream ("user-events", user
/// id): an order changed, a position changed, a trade executed, or a notification.
/// </summary>
public sealed record UserEvent(UserEventKind Kind, DateTimeOffset At, OrderView? Order = null, PositionView? Position = null, TradeExecuted? Trade = null, string? Message = null)
{
    /// <summary>The stream namespace of user events.</summary>
    public const string StreamNamespace = "user-events";
}

/// <summary>What a user event is about.</summary>
public enum UserEventKind
{
    OrderUpdated,
    PositionUpdated,
    TradeExecuted,
    Notification,
}

/// <summary>One fill of one order.</summary>
public sealed record TradeExecuted(string OrderId, string Symbol, OrderSide Side, Fill Fill);
