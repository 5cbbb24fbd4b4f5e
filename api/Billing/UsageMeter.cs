using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Plans;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Billing;

/// <summary>
/// The meter for a user's current billing period (the calendar month when there is no paid
/// period): calls and trades per day from the trading grain, the plan's included calls, and the
/// overage they come to. The invoice preview is built from the same figures.
/// </summary>
internal sealed class UsageMeter(IGrainFactory grains, PlanCatalog plans, TimeProvider time)
{
    public async Task<MeterReading> ReadAsync(string userId)
    {
        var subscription = await grains.GetGrain<ISubscriptionGrain>(userId).Get();
        var now = time.GetUtcNow();
        var start = subscription.CurrentPeriodStart ?? new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = subscription.CurrentPeriodEnd ?? start.AddMonths(1);
        var days = await grains.GetGrain<ITradingGrain>(userId).GetUsageSeries(DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime));
        var plan = plans.For(subscription.Plan);
        var calls = days.Sum(d => d.ApiCalls);
        var overCalls = Math.Max(0, calls - plan.IncludedApiCalls);
        var overage = decimal.Round(overCalls * plan.OverageApiCallUsd, 2);
        return new MeterReading(subscription, start, end, calls, days.Sum(d => d.Trades), plan.IncludedApiCalls, overCalls, plan.OverageApiCallUsd, overage, days);
    }

    /// <summary>The next invoice: the plan for the next period (unless it ends) and this period's overage.</summary>
    public async Task<InvoicePreview> PreviewAsync(string userId)
    {
        var m = await ReadAsync(userId);
        var s = m.Subscription;
        var lines = new List<InvoiceLine>();
        if (s.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue && !s.CancelAtPeriodEnd)
        {
            var next = s.PendingPlan ?? s.Plan;
            lines.Add(new InvoiceLine($"{next} ({s.Interval}) from {m.PeriodEnd:yyyy-MM-dd}", plans.Price(next, s.Interval)));
        }

        if (m.OverageUsd > 0)
        {
            lines.Add(new InvoiceLine($"{m.OverageCalls:N0} API calls over the {m.IncludedCalls:N0} included, at {m.OverageRateUsd} USD", m.OverageUsd));
        }

        return new InvoicePreview(m.PeriodEnd, lines, lines.Sum(l => l.AmountUsd));
    }
}

/// <summary>A user's usage in a billing period.</summary>
internal sealed record MeterReading(
    SubscriptionView Subscription,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    long ApiCalls,
    int Trades,
    long IncludedCalls,
    long OverageCalls,
    decimal OverageRateUsd,
    decimal OverageUsd,
    System.Collections.Immutable.ImmutableArray<UsageDay> Days);

/// <summary>The next invoice as the meter predicts it.</summary>
internal sealed record InvoicePreview(DateTimeOffset DueAt, IReadOnlyList<InvoiceLine> Lines, decimal TotalUsd);

/// <summary>One line of an invoice preview.</summary>
internal sealed record InvoiceLine(string Description, decimal AmountUsd);
