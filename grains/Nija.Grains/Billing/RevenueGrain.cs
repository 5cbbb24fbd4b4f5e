using System.Collections.Immutable;
using System.Globalization;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Billing;

/// <summary>
/// The founder's revenue figures, kept incrementally: each subscription change moves one user's
/// contribution, each payment adds to revenue. Reading is O(plans), never a scan of users' grains.
/// </summary>
[GrainType("revenue")]
public sealed class RevenueGrain([PersistentState("revenue")] IPersistentState<RevenueState> state) : Grain, IRevenueGrain
{
    private RevenueState S => state.State;

    async Task IRevenueGrain.SubscriptionChanged(string userId, RevenueContribution before, RevenueContribution after, DateTimeOffset at)
    {
        var month = Month(at);
        S.PayingAtMonthStart.TryAdd(month, Paying());
        if (before.Status == SubscriptionStatus.Trialing && after.Status == SubscriptionStatus.Active)
        {
            S.TrialsConverted++;
        }
        else if (before.Status == SubscriptionStatus.Trialing && after.Status == SubscriptionStatus.None)
        {
            S.TrialsEnded++;
        }

        if (IsPaying(before) && !IsPaying(after))
        {
            S.ChurnedInMonth[month] = S.ChurnedInMonth.GetValueOrDefault(month) + 1;
        }
        else if (!IsPaying(before) && IsPaying(after))
        {
            S.NewPayingInMonth[month] = S.NewPayingInMonth.GetValueOrDefault(month) + 1;
        }

        if (after.Status == SubscriptionStatus.None)
        {
            S.Subscribers.Remove(userId);
        }
        else
        {
            S.Subscribers[userId] = after;
        }

        S.MrrByMonth[month] = Mrr();
        await state.WriteStateAsync();
    }

    async Task IRevenueGrain.PaymentRecorded(string userId, PlanTier plan, decimal amountUsd, bool succeeded, DateTimeOffset at)
    {
        if (succeeded)
        {
            S.RevenueByPlan[plan.ToString()] = S.RevenueByPlan.GetValueOrDefault(plan.ToString()) + amountUsd;
        }
        else
        {
            S.FailedPayments++;
        }

        await state.WriteStateAsync();
    }

    Task<RevenueSummary> IRevenueGrain.Summary(DateTimeOffset now)
    {
        var mrr = Mrr();
        var paying = Paying();
        var month = Month(now);
        // Churn: cancellations over everyone who paid at some point in the month (those at its start and those who joined).
        var exposed = (S.PayingAtMonthStart.TryGetValue(month, out var startCount) ? startCount : paying) + S.NewPayingInMonth.GetValueOrDefault(month);
        var churned = S.ChurnedInMonth.GetValueOrDefault(month);
        var trialsDecided = S.TrialsConverted + S.TrialsEnded;
        var history = S.MrrByMonth.Select(kv => new MrrPoint(kv.Key, kv.Value)).ToList();
        if (history.Count == 0 || history[^1].Month != month)
        {
            history.Add(new MrrPoint(month, mrr));
        }

        return Task.FromResult(new RevenueSummary(
            mrr,
            mrr * 12,
            S.Subscribers.Values.Where(IsPaying).GroupBy(c => c.Plan.ToString()).ToImmutableDictionary(g => g.Key, g => g.Count()),
            paying,
            S.Subscribers.Values.Count(c => c.Status == SubscriptionStatus.Trialing),
            S.TrialsConverted,
            S.TrialsEnded,
            trialsDecided == 0 ? 0m : decimal.Round(100m * S.TrialsConverted / trialsDecided, 2),
            exposed == 0 ? 0m : decimal.Round(100m * churned / exposed, 2),
            paying == 0 ? 0m : decimal.Round(mrr / paying, 2),
            S.RevenueByPlan.ToImmutableDictionary(),
            S.FailedPayments,
            [.. history]));
    }

    private static bool IsPaying(RevenueContribution c) => c.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue && c.MonthlyRecurringUsd > 0;

    private decimal Mrr() => S.Subscribers.Values.Where(IsPaying).Sum(c => c.MonthlyRecurringUsd);

    private int Paying() => S.Subscribers.Values.Count(IsPaying);

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
