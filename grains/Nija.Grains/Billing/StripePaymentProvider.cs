using System.Globalization;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// Subscriptions through Stripe: a Customer per user, Checkout in subscription mode, price changes
/// with immediate proration for upgrades (always_invoice) and none for downgrades (they take
/// effect at the period end), cancel-at-period-end, the billing portal, and meter events for
/// metered API calls. Outcomes arrive by webhook.
/// </summary>
public sealed class StripePaymentProvider(StripeClient stripe, BillingOptions options) : IPaymentProvider
{
    public string Name => "stripe";

    public bool RenewsItself => true;

    public async Task<ProviderResult> StartSubscriptionAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(plan);
        var price = (interval == BillingInterval.Yearly ? plan.StripeYearlyPriceId : plan.StripeMonthlyPriceId)
            ?? throw new InvalidOperationException($"{plan.Tier} ({interval}) has no Stripe price id in the plans file.");
        var customer = account.CustomerId ?? (await stripe.PostAsync("v1/customers",
            [new("email", account.Email), new("metadata[user_id]", account.UserId)], Key(), cancellationToken)).GetProperty("id").GetString()!;
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        var session = await stripe.PostAsync("v1/checkout/sessions",
        [
            new("mode", "subscription"),
            new("customer", customer),
            new("client_reference_id", account.UserId),
            new("line_items[0][price]", price),
            new("line_items[0][quantity]", "1"),
            new("subscription_data[metadata][user_id]", account.UserId),
            new("success_url", $"{baseUrl}/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}"),
            new("cancel_url", $"{baseUrl}/billing?checkout=canceled"),
        ], Key(), cancellationToken);
        return new ProviderResult(false, session.GetProperty("url").GetString(), customer, null, null);
    }

    public Task<ProviderResult> ChargeAsync(BillingAccount account, decimal amountUsd, string description, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Stripe charges through the subscription's invoices, not directly.");

    public async Task ChangePlanAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, bool prorateNow, CancellationToken cancellationToken)
    {
        var subscription = await SubscriptionAsync(account, cancellationToken);
        var item = subscription.GetProperty("items").GetProperty("data")[0].GetProperty("id").GetString()!;
        var price = (interval == BillingInterval.Yearly ? plan.StripeYearlyPriceId : plan.StripeMonthlyPriceId)
            ?? throw new InvalidOperationException($"{plan.Tier} ({interval}) has no Stripe price id in the plans file.");
        await stripe.PostAsync($"v1/subscriptions/{account.SubscriptionId}",
        [
            new("items[0][id]", item),
            new("items[0][price]", price),
            new("proration_behavior", prorateNow ? "always_invoice" : "none"),
        ], Key(), cancellationToken);
    }

    public async Task SetCancelAtPeriodEndAsync(BillingAccount account, bool cancel, CancellationToken cancellationToken)
    {
        _ = await SubscriptionAsync(account, cancellationToken);
        await stripe.PostAsync($"v1/subscriptions/{account.SubscriptionId}", [new("cancel_at_period_end", cancel ? "true" : "false")], Key(), cancellationToken);
    }

    public async Task<string> PortalUrlAsync(BillingAccount account, string returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var customer = account.CustomerId ?? throw new InvalidOperationException("There is no Stripe customer yet: subscribe first.");
        var session = await stripe.PostAsync("v1/billing_portal/sessions", [new("customer", customer), new("return_url", returnUrl)], Key(), cancellationToken);
        return session.GetProperty("url").GetString()!;
    }

    public async Task ReportUsageAsync(BillingAccount account, long apiCalls, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.CustomerId is null || apiCalls <= 0)
        {
            return;
        }

        await stripe.PostAsync("v1/billing/meter_events",
        [
            new("event_name", options.Stripe.MeterEventName),
            new("payload[stripe_customer_id]", account.CustomerId),
            new("payload[value]", apiCalls.ToString(CultureInfo.InvariantCulture)),
            new("identifier", idempotencyKey),
        ], "meter-" + idempotencyKey, cancellationToken);
    }

    private async Task<System.Text.Json.JsonElement> SubscriptionAsync(BillingAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var id = account.SubscriptionId ?? throw new InvalidOperationException("There is no Stripe subscription yet.");
        return await stripe.GetAsync($"v1/subscriptions/{id}", cancellationToken);
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
