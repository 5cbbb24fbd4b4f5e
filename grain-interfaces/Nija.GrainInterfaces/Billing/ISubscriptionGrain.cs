using System.Collections.Immutable;
using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Reminders;

namespace Nija.GrainInterfaces.Billing;

/// <summary>
/// A user's subscription (key: the user id): trial, paid periods, plan changes, cancellation,
/// failed payments. Every change reaches the user's limits at once, is audited and is counted in
/// the revenue figures. Time-based steps (trial end, period end, grace period) are taken on every
/// call and by a daily reminder.
/// </summary>
public interface ISubscriptionGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Starts the trial (14 days of Pro limits by default), once per user.</summary>
    Task<SubscriptionView> StartTrial();

    /// <summary>An admin's (or an invitation's) plan at no charge; a paid subscription's plan takes precedence while it runs.</summary>
    Task<SubscriptionView> Grant(PlanTier plan, string grantedBy);

    /// <summary>The subscription, after applying any time-based step that is due.</summary>
    Task<SubscriptionView> Get();

    /// <summary>Subscribes to a paid plan: charged at once by the simulated processor, or a checkout page with a real provider.</summary>
    Task<BillingChange> Subscribe(PlanTier plan, BillingInterval interval);

    /// <summary>An upgrade applies at once with a prorated charge; a downgrade at the end of the period.</summary>
    Task<BillingChange> ChangePlan(PlanTier plan);

    /// <summary>Cancels at the end of the period (the plan stays until then).</summary>
    Task<BillingChange> Cancel();

    /// <summary>Undoes a cancellation before the period ends.</summary>
    Task<BillingChange> Reactivate();

    /// <summary>Sets the payment method (for the simulated processor, a test token such as pm_card_visa or pm_card_chargeDeclined).</summary>
    Task<SubscriptionView> SetPaymentMethod(string token);

    /// <summary>Applies a provider's webhook event (already verified and de-duplicated).</summary>
    Task<SubscriptionView> Apply(ProviderEvent providerEvent);

    [ReadOnly]
    Task<ImmutableArray<Invoice>> Invoices(int take);

    /// <summary>A page where the user manages payment methods and invoices.</summary>
    Task<string> PortalUrl(string returnUrl);
}
