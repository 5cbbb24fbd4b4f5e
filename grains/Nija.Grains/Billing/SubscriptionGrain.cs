using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Plans;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Abstractions.Reminders;

namespace Nija.Grains.Billing;

/// <summary>
/// A user's subscription. Every public call first takes the time-based steps that are due (trial
/// end, renewal or cancellation at period end, the grace period of a failed payment), then acts,
/// then pushes what changed: the plan to the account (and so the trading limits), the suspension
/// to the trading grain, the contribution to the revenue grain, and an audit entry.
/// </summary>
[GrainType("subscription")]
public sealed partial class SubscriptionGrain(
    [PersistentState("subscription")] IPersistentState<BillingState> state,
    IPaymentProvider provider,
    PlanCatalog plans,
    IOptions<BillingOptions> options,
    TimeProvider time) : Grain, ISubscriptionGrain
{
    private const string ReminderName = "billing";
    private const int InvoicesKept = 100;

    private BillingState S => state.State;

    private string UserId => GetPrimaryKeyString();

    private BillingOptions Options => options.Value;

    async Task<SubscriptionView> ISubscriptionGrain.StartTrial() => await Change("billing.trial", async before =>
    {
        if (S.TrialUsed || S.Status != SubscriptionStatus.None || Options.TrialDays == 0)
        {
            return null;
        }

        S.TrialUsed = true;
        S.Status = SubscriptionStatus.Trialing;
        S.Plan = PlanTier.Pro;
        S.TrialEndsAt = time.GetUtcNow().AddDays(Options.TrialDays);
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        return $"trial of Pro until {S.TrialEndsAt:u}";
    });

    async Task<SubscriptionView> ISubscriptionGrain.Grant(PlanTier plan, string grantedBy) => await Change("billing.grant", before =>
    {
        S.CompPlan = plan == PlanTier.Free ? null : plan;
        return Task.FromResult<string?>($"plan {plan} granted by {grantedBy}");
    });

    async Task<SubscriptionView> ISubscriptionGrain.Get() => await Change("billing.tick", _ => Task.FromResult<string?>(null));

    async Task<BillingChange> ISubscriptionGrain.Subscribe(PlanTier plan, BillingInterval interval)
    {
        RequirePaid(plan);
        if (S.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue)
        {
            throw new InvalidOperationException($"There is already a {S.Plan} subscription; change its plan instead.");
        }

        string? redirect = null;
        decimal charged = 0m;
        var view = await Change("billing.subscribe", async _ =>
        {
            var result = await provider.StartSubscriptionAsync(await AccountAsync(), plans.For(plan), interval, CancellationToken.None);
            S.CustomerId ??= result.CustomerId;
            S.SubscriptionId ??= result.SubscriptionId;
            S.Provider = provider.Name;
            await LinkCustomerAsync();
            if (result.RedirectUrl is not null)
            {
                redirect = result.RedirectUrl; // the provider's webhook activates it
                return $"checkout started for {plan} {interval}";
            }

            if (!result.Paid)
            {
                throw new InvalidOperationException(result.Error ?? "The payment was declined.");
            }

            var now = time.GetUtcNow();
            charged = plans.Price(plan, interval);
            AddInvoice(now, charged, $"{plan} ({interval})", paid: true, plan);
            StartPeriod(plan, interval, now);
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            return $"subscribed to {plan} {interval}, charged {charged:0.00} USD";
        });
        return new BillingChange(view, redirect, charged, redirect is null ? "Subscribed." : "Complete the payment on the checkout page.");
    }

    async Task<BillingChange> ISubscriptionGrain.ChangePlan(PlanTier plan)
    {
        RequirePaid(plan);
        if (S.Status is not (SubscriptionStatus.Active or SubscriptionStatus.PastDue))
        {
            throw new InvalidOperationException("There is no paid subscription to change; subscribe first.");
        }

        decimal charged = 0m;
        var message = "";
        var view = await Change("billing.change", async _ =>
        {
            if (plan == S.Plan)
            {
                S.PendingPlan = null;
                return message = $"staying on {plan}";
            }

            var account = await AccountAsync();
            if (!SubscriptionLifecycle.IsUpgrade(S.Plan, plan, plans))
            {
                await provider.ChangePlanAsync(account, plans.For(plan), S.Interval, prorateNow: false, CancellationToken.None);
                S.PendingPlan = plan;
                return message = $"downgrade to {plan} at the period end ({S.PeriodEnd:u})";
            }

            var now = time.GetUtcNow();
            charged = SubscriptionLifecycle.Proration(plans.Price(S.Plan, S.Interval), plans.Price(plan, S.Interval), S.PeriodStart!.Value, S.PeriodEnd!.Value, now);
            await provider.ChangePlanAsync(account, plans.For(plan), S.Interval, prorateNow: true, CancellationToken.None);
            if (!provider.RenewsItself)
            {
                var result = await provider.ChargeAsync(account, charged, $"Proration {S.Plan} -> {plan}", CancellationToken.None);
                if (!result.Paid)
                {
                    throw new InvalidOperationException(result.Error ?? "The payment was declined.");
                }

                AddInvoice(now, charged, $"Proration {S.Plan} -> {plan}", paid: true, plan);
            }

            var from = S.Plan;
            S.Plan = plan;
            S.PendingPlan = null;
            return message = $"upgraded {from} -> {plan} now, prorated {charged:0.00} USD";
        });
        return new BillingChange(view, null, charged, message);
    }

    async Task<BillingChange> ISubscriptionGrain.Cancel()
    {
        if (S.Status is not (SubscriptionStatus.Active or SubscriptionStatus.PastDue or SubscriptionStatus.Trialing))
        {
            throw new InvalidOperationException("There is no subscription to cancel.");
        }

        var view = await Change("billing.cancel", async _ =>
        {
            if (S.Status == SubscriptionStatus.Trialing)
            {
                S.Status = SubscriptionStatus.None;
                S.Plan = PlanTier.Free;
                S.TrialEndsAt = null;
                return "trial ended by the user";
            }

            await provider.SetCancelAtPeriodEndAsync(await AccountAsync(), true, CancellationToken.None);
            S.CancelAtPeriodEnd = true;
            return $"cancels at the period end ({S.PeriodEnd:u})";
        });
        return new BillingChange(view, null, 0m, view.CancelAtPeriodEnd ? $"The plan stays until {view.CurrentPeriodEnd:u}." : "The trial has ended.");
    }

    async Task<BillingChange> ISubscriptionGrain.Reactivate()
    {
        var view = await Change("billing.reactivate", async _ =>
        {
            if (!S.CancelAtPeriodEnd || S.Status is not (SubscriptionStatus.Active or SubscriptionStatus.PastDue))
            {
                throw new InvalidOperationException("Only a subscription set to cancel at the period end can be reactivated.");
            }

            await provider.SetCancelAtPeriodEndAsync(await AccountAsync(), false, CancellationToken.None);
            S.CancelAtPeriodEnd = false;
            return "cancellation withdrawn";
        });
        return new BillingChange(view, null, 0m, "The subscription continues.");
    }

    async Task<SubscriptionView> ISubscriptionGrain.SetPaymentMethod(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            throw new ArgumentException("paymentMethod must be 1 to 100 characters.", "paymentMethod");
        }

        return await Change("billing.payment-method", async _ =>
        {
            S.PaymentMethod = token;
            if (S.Status == SubscriptionStatus.PastDue && !provider.RenewsItself)
            {
                await RetryOverdueAsync(time.GetUtcNow());
            }

            return "payment method updated";
        });
    }

    Task<ImmutableArray<Invoice>> ISubscriptionGrain.Invoices(int take) =>
        Task.FromResult(S.Invoices.AsEnumerable().Reverse().Take(Math.Clamp(take, 1, InvoicesKept)).ToImmutableArray());

    async Task<string> ISubscriptionGrain.PortalUrl(string returnUrl) => await provider.PortalUrlAsync(await AccountAsync(), returnUrl, CancellationToken.None);

    private static void RequirePaid(PlanTier plan)
    {
        if (plan is PlanTier.Free or PlanTier.Alpha || !Enum.IsDefined(plan))
        {
            throw new ArgumentException("plan must be Basic, Pro or Enterprise.", "plan");
        }
    }

    private void StartPeriod(PlanTier plan, BillingInterval interval, DateTimeOffset start)
    {
        S.Status = SubscriptionStatus.Active;
        S.Plan = plan;
        S.Interval = interval;
        S.PeriodStart = start;
        S.PeriodEnd = SubscriptionLifecycle.NextPeriodEnd(start, interval);
        S.TrialEndsAt = null;
        S.CancelAtPeriodEnd = false;
        S.PendingPlan = null;
        S.PastDueSince = null;
        S.LiveTradingSuspended = false;
    }

    /// <summary>Adds an invoice and counts its payment (or failure) toward the revenue figures.</summary>
    private void AddInvoice(DateTimeOffset at, decimal amount, string description, bool paid, PlanTier? plan = null)
    {
        _payments.Add((plan ?? S.Plan, amount, paid, at));
        S.Invoices.Add(new Invoice($"in_{UserId}_{S.NextInvoice++}", at, amount, description, paid));
        if (S.Invoices.Count > InvoicesKept)
        {
            S.Invoices.RemoveAt(0);
        }
    }

    private async Task<BillingAccount> AccountAsync()
    {
        var profile = await GrainFactory.GetGrain<IUserAccountGrain>(UserId).Get();
        return new BillingAccount(UserId, profile?.Email ?? "", S.CustomerId, S.SubscriptionId, S.PaymentMethod);
    }

    private async Task LinkCustomerAsync()
    {
        if (S.CustomerId is { } customer)
        {
            await GrainFactory.GetGrain<IBillingCustomerGrain>($"{S.Provider}:{customer}").Link(UserId);
        }
    }
}
