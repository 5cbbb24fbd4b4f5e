using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Billing;

/// <summary>Provider webhooks applied to the subscription, newest object state wins.</summary>
public sealed partial class SubscriptionGrain
{
    async Task<SubscriptionView> ISubscriptionGrain.Apply(ProviderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return await Change("billing.webhook", async _ =>
        {
            // Stripe does not promise order: an event older than what we applied for the same object is stale.
            if (S.ObjectVersions.TryGetValue(e.ObjectId, out var seen) && seen > e.ObjectUpdatedAt)
            {
                return $"{e.Type} {e.EventId} ignored: older than the state already applied";
            }

            S.ObjectVersions[e.ObjectId] = e.ObjectUpdatedAt;
            S.Provider = e.Provider;
            S.CustomerId ??= e.CustomerId;
            S.SubscriptionId ??= e.SubscriptionId;
            await LinkCustomerAsync();
            var message = e.Type switch
            {
                "checkout.session.completed" => CheckoutCompleted(e),
                "customer.subscription.created" or "customer.subscription.updated" => SubscriptionUpdated(e),
                "customer.subscription.deleted" => SubscriptionDeleted(),
                "customer.subscription.trial_will_end" => await NotifyAsync($"Your trial ends {e.PeriodEnd:u}: choose a plan to keep your limits."),
                "invoice.paid" => InvoicePaid(e),
                "invoice.payment_failed" => InvoiceFailed(e),
                "invoice.payment_action_required" => await NotifyAsync("Your bank asks you to confirm the payment: open the billing portal to finish it."),
                _ => $"{e.Type} not handled",
            };
            if (S.Status != SubscriptionStatus.None)
            {
                await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            }

            return $"{e.Type} ({e.EventId}): {message}";
        });
    }

    /// <summary>Tells the user on their live connections (the same stream as their trading events).</summary>
    private async Task<string> NotifyAsync(string message)
    {
        await this.GetStreamProvider().GetStream<UserEvent>(new StreamId(UserEvent.StreamNamespace, UserId))
            .PublishAsync(new UserEvent(UserEventKind.Notification, time.GetUtcNow(), Message: message));
        return "notified: " + message;
    }

    private string CheckoutCompleted(ProviderEvent e)
    {
        if (S.Status == SubscriptionStatus.None || S.Status == SubscriptionStatus.Trialing)
        {
            if (e.Plan is { } plan)
            {
                StartPeriod(plan, e.Interval ?? BillingInterval.Monthly, e.PeriodStart ?? e.ObjectUpdatedAt);
                if (e.PeriodEnd is { } end)
                {
                    S.PeriodEnd = end;
                }
            }
        }

        return $"checkout completed (customer {e.CustomerId}, subscription {e.SubscriptionId})";
    }

    private string SubscriptionUpdated(ProviderEvent e)
    {
        // A downgrade is sent to Stripe at once without proration, but its limits apply from the next period.
        var scheduledDowngrade = e.Plan is { } p && p == S.PendingPlan && e.PeriodStart is { } start && S.PeriodEnd is { } end && start < end;
        if (e.Plan is { } plan && !scheduledDowngrade)
        {
            S.Plan = plan;
            if (S.PendingPlan == plan)
            {
                S.PendingPlan = null;
            }
        }

        S.Interval = e.Interval ?? S.Interval;
        S.PeriodStart = e.PeriodStart ?? S.PeriodStart;
        S.PeriodEnd = e.PeriodEnd ?? S.PeriodEnd;
        S.CancelAtPeriodEnd = e.CancelAtPeriodEnd ?? S.CancelAtPeriodEnd;
        switch (e.Status)
        {
            case "trialing":
                S.Status = SubscriptionStatus.Trialing;
                S.TrialEndsAt = e.PeriodEnd;
                break;
            case "active":
                S.Status = SubscriptionStatus.Active;
                S.PastDueSince = null;
                S.LiveTradingSuspended = false;
                S.TrialEndsAt = null;
                break;
            case "past_due" or "unpaid":
                S.Status = SubscriptionStatus.PastDue;
                S.PastDueSince ??= e.ObjectUpdatedAt;
                break;
            case "canceled" or "incomplete_expired":
                return SubscriptionDeleted();
        }

        return $"status {e.Status}, plan {S.Plan}, period ends {S.PeriodEnd:u}{(S.CancelAtPeriodEnd ? ", cancels then" : "")}";
    }

    private string SubscriptionDeleted()
    {
        EndPaidPlan();
        return "subscription ended";
    }

    private string InvoicePaid(ProviderEvent e)
    {
        var amount = e.AmountUsd ?? 0m;
        if (S.Status is SubscriptionStatus.None or SubscriptionStatus.Trialing && e.Plan is { } plan)
        {
            // A first payment that is itself the start (Midtrans: one payment per period).
            AddInvoice(e.ObjectUpdatedAt, amount, $"{plan} ({e.Interval}) {e.ObjectId}", paid: true, plan);
            StartPeriod(plan, e.Interval ?? BillingInterval.Monthly, e.ObjectUpdatedAt);
            return $"paid {amount:0.00} USD: {plan} starts";
        }

        AddInvoice(e.ObjectUpdatedAt, amount, $"{S.Plan} ({e.ObjectId})", paid: true);
        if (S.Status == SubscriptionStatus.PastDue)
        {
            S.Status = SubscriptionStatus.Active;
        }

        S.PastDueSince = null;
        S.LiveTradingSuspended = false;
        return $"invoice paid: {amount:0.00} USD";
    }

    private string InvoiceFailed(ProviderEvent e)
    {
        var amount = e.AmountUsd ?? 0m;
        AddInvoice(e.ObjectUpdatedAt, amount, $"{S.Plan} ({e.ObjectId})", paid: false);
        if (S.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue)
        {
            S.Status = SubscriptionStatus.PastDue;
            S.PastDueSince ??= e.ObjectUpdatedAt;
        }

        return $"payment of {amount:0.00} USD failed";
    }
}
