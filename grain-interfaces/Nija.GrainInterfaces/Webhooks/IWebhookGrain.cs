using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Webhooks;

/// <summary>
/// A user's TradingView webhook endpoint (key: the unguessable webhook id). Holds the sealed
/// secret, verifies signatures inside the grain, accepts each alert id once and keeps every delivery.
/// </summary>
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Binds the id to a user with a new secret, returned once.</summary>
    Task<string> Rotate(string userId);

    /// <summary>Stops accepting deliveries (the user rotated to a new id).</summary>
    Task Disable();

    /// <summary>Checks signature, timestamp tolerance and alert-id replay; records the delivery.</summary>
    Task<WebhookVerdict> Verify(string signatureHeader, string body, string? alertId);

    /// <summary>Records what became of an accepted alert.</summary>
    Task RecordOutcome(string deliveryId, string outcome);

    [ReadOnly]
    Task<ImmutableArray<WebhookDelivery>> Deliveries(int take);
}

/// <summary>Whether a delivery was accepted, for whom, and if not why.</summary>
public sealed record WebhookVerdict(bool Accepted, string? UserId, string DeliveryId, string? Error);

/// <summary>A delivery and its outcome.</summary>
public sealed record WebhookDelivery(string Id, DateTimeOffset At, string? AlertId, bool Accepted, string Outcome);
