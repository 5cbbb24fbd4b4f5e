using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// What the subscription grain asks of a payment processor. The simulated processor charges at
/// once; Stripe answers with a checkout page and reports the outcome by webhook.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>Whether the provider renews at the period end by itself and reports it by webhook (Stripe), or Nija asks it to charge (simulated, Midtrans).</summary>
    bool RenewsItself { get; }

    /// <summary>Starts a subscription: charged now (simulated) or a page the user completes (Stripe Checkout).</summary>
    Task<ProviderResult> StartSubscriptionAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, CancellationToken cancellationToken);

    /// <summary>Charges an amount now (renewals and prorations of the simulated processor).</summary>
    Task<ProviderResult> ChargeAsync(BillingAccount account, decimal amountUsd, string description, CancellationToken cancellationToken);

    /// <summary>Moves the provider's subscription to another price, prorating now or not.</summary>
    Task ChangePlanAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, bool prorateNow, CancellationToken cancellationToken);

    /// <summary>Sets or clears cancel-at-period-end at the provider.</summary>
    Task SetCancelAtPeriodEndAsync(BillingAccount account, bool cancel, CancellationToken cancellationToken);

    Task<string> PortalUrlAsync(BillingAccount account, string returnUrl, CancellationToken cancellationToken);

    /// <summary>Reports metered API calls (an increment) for the account's customer.</summary>
    Task ReportUsageAsync(BillingAccount account, long apiCalls, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>Who is being billed, and the provider's ids for them once known.</summary>
public sealed record BillingAccount(string UserId, string Email, string? CustomerId, string? SubscriptionId, string? PaymentMethod);

/// <summary>A provider's answer: paid now, or a page to send the user to, and the ids it created.</summary>
public sealed record ProviderResult(bool Paid, string? RedirectUrl, string? CustomerId, string? SubscriptionId, string? Error);
