using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Audit;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Context;
using Nija.Runtime.Abstractions.Reminders;

namespace Nija.Grains.Billing;

/// <summary>The time-based steps and the push of every change to the account, trading, revenue and audit.</summary>
public sealed partial class SubscriptionGrain
{
    private readonly List<string> _messages = [];
    private readonly List<(PlanTier Plan, decimal Amount, bool Paid, DateTimeOffset At)> _payments = [];

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        await Change("billing.tick", _ => Task.FromResult<string?>(null));
        await ReportUsageAsync();
        if (S.Status == SubscriptionStatus.None)
        {
            await this.UnregisterReminder(ReminderName);
        }
    }

    /// <summary>Takes the due time steps, runs <paramref name="act"/>, writes if anything changed and pushes the effects.</summary>
    private async Task<SubscriptionView> Change(string action, Func<BillingState, Task<string?>> act)
    {
        var now = time.GetUtcNow();
        var before = SubscriptionLifecycle.Contribution(S, plans);
        var suspendedBefore = S.LiveTradingSuspended;
        await StepTimeAsync(now);
        if (await act(S) is { } message)
        {
            _messages.Add(message);
        }

        if (_messages.Count == 0 && S.AppliedPlan is not null)
        {
            return SubscriptionLifecycle.View(S);
        }

        // Effects first, then the write: if the write fails, the next call pushes again (every push is idempotent).
        var effective = SubscriptionLifecycle.EffectivePlan(S);
        if (effective != S.AppliedPlan)
        {
            await GrainFactory.GetGrain<IUserAccountGrain>(UserId).SetPlan(effective, "billing");
            S.AppliedPlan = effective;
        }

        if (S.LiveTradingSuspended != suspendedBefore)
        {
            await GrainFactory.GetGrain<ITradingGrain>(UserId).SetLiveTradingSuspended(S.LiveTradingSuspended);
        }

        var revenue = GrainFactory.GetGrain<IRevenueGrain>("global");
        var after = SubscriptionLifecycle.Contribution(S, plans);
        if (after != before)
        {
            await revenue.SubscriptionChanged(UserId, before, after, now);
        }

        foreach (var (plan, amount, paid, at) in _payments)
        {
            await revenue.PaymentRecorded(UserId, plan, amount, paid, at);
        }

        foreach (var line in _messages)
        {
            await GrainFactory.GetGrain<IAuditGrain>(0).Record(new AuditRecord(now, RequestContext.UserId ?? "billing", action, UserId, line, null, RequestContext.CorrelationId));
        }

        _messages.Clear();
        _payments.Clear();
        await state.WriteStateAsync();
        return SubscriptionLifecycle.View(S);
    }

    private async Task StepTimeAsync(DateTimeOffset now)
    {
        for (var guard = 0; guard < 36; guard++)
        {
            if (S.Status == SubscriptionStatus.Trialing && S.TrialEndsAt <= now)
            {
                S.Status = SubscriptionStatus.None;
                S.Plan = PlanTier.Free;
                S.TrialEndsAt = null;
                _messages.Add("trial ended without a paid plan");
                continue;
            }

            if (S.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue && S.PeriodEnd <= now && (S.CancelAtPeriodEnd || !provider.RenewsItself))
            {
                await EndPeriodAsync();
                continue;
            }

            break;
        }

        if (S.Status == SubscriptionStatus.PastDue && !S.LiveTradingSuspended && S.PastDueSince + TimeSpan.FromDays(Options.GraceDays) <= now)
        {
            S.LiveTradingSuspended = true;
            _messages.Add($"live trading suspended: payment overdue since {S.PastDueSince:u}");
        }
    }

    // The simulated processor renews at the period end (Stripe does it itself and tells us by webhook).
    private async Task EndPeriodAsync()
    {
        var end = S.PeriodEnd!.Value;
        if (S.CancelAtPeriodEnd)
        {
            _messages.Add($"{S.Plan} ended at the period end (canceled)");
            EndPaidPlan();
            return;
        }

        var plan = S.PendingPlan ?? S.Plan;
        var amount = plans.Price(plan, S.Interval);
        var result = await provider.ChargeAsync(await AccountAsync(), amount, $"{plan} ({S.Interval}) renewal", CancellationToken.None);
        AddInvoice(end, amount, $"{plan} ({S.Interval}) from {end:yyyy-MM-dd}", result.Paid, plan);
        S.Plan = plan;
        S.PendingPlan = null;
        S.PeriodStart = end;
        S.PeriodEnd = SubscriptionLifecycle.NextPeriodEnd(end, S.Interval);
        if (result.Paid)
        {
            S.Status = SubscriptionStatus.Active;
            S.PastDueSince = null;
            S.LiveTradingSuspended = false;
            _messages.Add($"renewed {plan}, charged {amount:0.00} USD");
        }
        else
        {
            S.Status = SubscriptionStatus.PastDue;
            S.PastDueSince ??= end;
            _messages.Add($"renewal of {plan} failed: {result.Error}");
        }
    }

    /// <summary>Back to no paid plan: Free (or the granted plan), nothing pending, nothing suspended.</summary>
    private void EndPaidPlan()
    {
        S.Status = SubscriptionStatus.None;
        S.Plan = PlanTier.Free;
        S.PeriodStart = S.PeriodEnd = null;
        S.CancelAtPeriodEnd = false;
        S.PendingPlan = null;
        S.PastDueSince = null;
        S.LiveTradingSuspended = false;
    }

    /// <summary>Charges the unpaid invoices again (after the payment method changed); a success restores the subscription.</summary>
    private async Task RetryOverdueAsync(DateTimeOffset now)
    {
        var account = await AccountAsync();
        for (var i = 0; i < S.Invoices.Count; i++)
        {
            var invoice = S.Invoices[i];
            if (invoice.Paid)
            {
                continue;
            }

            var result = await provider.ChargeAsync(account, invoice.AmountUsd, invoice.Description, CancellationToken.None);
            _payments.Add((S.Plan, invoice.AmountUsd, result.Paid, now));
            if (!result.Paid)
            {
                _messages.Add($"retry of {invoice.Id} failed: {result.Error}");
                return;
            }

            S.Invoices[i] = invoice with { Paid = true };
        }

        S.Status = SubscriptionStatus.Active;
        S.PastDueSince = null;
        S.LiveTradingSuspended = false;
        _messages.Add("overdue invoices paid; subscription restored");
    }

    /// <summary>Reports each finished day's metered API calls once (the idempotency key is the user and the day).</summary>
    private async Task ReportUsageAsync()
    {
        if (S.Status is not (SubscriptionStatus.Active or SubscriptionStatus.PastDue) || S.PeriodStart is null)
        {
            return;
        }

        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var from = S.UsageReportedThrough?.AddDays(1) ?? DateOnly.FromDateTime(S.PeriodStart.Value.UtcDateTime);
        if (from > yesterday)
        {
            return;
        }

        var account = await AccountAsync();
        foreach (var day in await GrainFactory.GetGrain<ITradingGrain>(UserId).GetUsageSeries(from, yesterday))
        {
            await provider.ReportUsageAsync(account, day.ApiCalls, $"{UserId}:{day.Day:yyyy-MM-dd}", CancellationToken.None);
        }

        S.UsageReportedThrough = yesterday;
        await state.WriteStateAsync();
    }
}
