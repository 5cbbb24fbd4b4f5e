using Nija.GrainInterfaces.Plans;

namespace Nija.GrainInterfaces.Billing;

/// <summary>A user's subscription as the user and the admin see it.</summary>
public sealed record SubscriptionView(
    PlanTier Plan,
    SubscriptionStatus Status,
    BillingInterval Interval,
    string Provider,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? CurrentPeriodStart,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    PlanTier? PendingPlan,
    DateTimeOffset? PastDueSince,
    bool LiveTradingSuspended,
    string? PaymentMethod);

/// <summary>What a billing action did: the subscription now, a page to send the user to (checkout, portal), and any amount charged.</summary>
public sealed record BillingChange(SubscriptionView Subscription, string? RedirectUrl, decimal AmountChargedUsd, string Message);

/// <summary>An invoice: what was charged, for what, and whether it was paid.</summary>
public sealed record Invoice(string Id, DateTimeOffset At, decimal AmountUsd, string Description, bool Paid);
