namespace Nija.GrainInterfaces.Billing;

/// <summary>Where a subscription stands (Stripe's statuses, reduced to what Nija acts on).</summary>
public enum SubscriptionStatus
{
    /// <summary>No paid plan: the Free limits.</summary>
    None,
    Trialing,
    Active,

    /// <summary>A payment failed; live trading is suspended after the grace period.</summary>
    PastDue,
}

/// <summary>How often a subscription bills.</summary>
public enum BillingInterval
{
    Monthly,
    Yearly,
}
