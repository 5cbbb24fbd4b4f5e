using Nija.GrainInterfaces.Plans;

namespace Nija.GrainInterfaces.Billing;

/// <summary>
/// A payment provider's webhook event, reduced to what the subscription needs. ObjectUpdatedAt
/// orders events about the same object: an older one than the last applied is ignored.
/// </summary>
public sealed record ProviderEvent(
    string Provider,
    string EventId,
    string Type,
    string ObjectId,
    DateTimeOffset ObjectUpdatedAt,
    string? CustomerId = null,
    string? SubscriptionId = null,
    string? Status = null,
    PlanTier? Plan = null,
    BillingInterval? Interval = null,
    DateTimeOffset? PeriodStart = null,
    DateTimeOffset? PeriodEnd = null,
    bool? CancelAtPeriodEnd = null,
    decimal? AmountUsd = null);
