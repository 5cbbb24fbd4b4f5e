using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Abstractions.Reminders;

/// <summary>
/// Implemented by a grain (on one of its grain interfaces) that registers reminders. A reminder is
/// durable: it is stored, survives deactivation and silo restarts, and activates the grain to tick.
/// Delivery is at least once: after a crash a tick may be delivered again, so a tick handler must
/// be idempotent (for example, compare <see cref="TickStatus.CurrentTickTime"/> with the last tick
/// recorded in the grain's state).
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>Called for each tick of a reminder registered by this grain.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
