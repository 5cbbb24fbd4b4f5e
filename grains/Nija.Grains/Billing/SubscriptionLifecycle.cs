using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// The subscription's rules as pure functions of the state and the time: which plan applies, what
/// it adds to MRR, what an upgrade costs now, and when a period ends.
/// </summary>
public static class SubscriptionLifecycle
{
    /// <summary>The trial runs on Pro limits; a running paid subscription gives its plan; otherwise a granted plan, else Free.</summary>
    public static PlanTier EffectivePlan(BillingState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Status switch
        {
            SubscriptionStatus.Trialing => PlanTier.Pro,
            SubscriptionStatus.Active or SubscriptionStatus.PastDue => s.Plan,
            _ => s.CompPlan ?? PlanTier.Free,
        };
    }

    public static RevenueContribution Contribution(BillingState s, Plans.PlanCatalog plans)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(plans);
        return s.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue
            ? new RevenueContribution(s.Plan, s.Status, plans.MonthlyRecurring(s.Plan, s.Interval))
            : new RevenueContribution(EffectivePlan(s), s.Status, 0m);
    }

    public static DateTimeOffset NextPeriodEnd(DateTimeOffset start, BillingInterval interval) =>
        interval == BillingInterval.Yearly ? start.AddYears(1) : start.AddMonths(1);

    /// <summary>
    /// What an upgrade costs now: the new price for the part of the period left, less the unused
    /// part of what was paid (Stripe's proration, to the second), never below zero.
    /// </summary>
    public static decimal Proration(decimal oldPrice, decimal newPrice, DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset now)
    {
        var total = (decimal)(periodEnd - periodStart).TotalSeconds;
        if (total <= 0 || now >= periodEnd)
        {
            return 0m;
        }

        var left = (decimal)(periodEnd - (now < periodStart ? periodStart : now)).TotalSeconds / total;
        return Math.Max(0m, decimal.Round((newPrice - oldPrice) * left, 2, MidpointRounding.AwayFromZero));
    }

    public static bool IsUpgrade(PlanTier from, PlanTier to, Plans.PlanCatalog plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return plans.For(to).MonthlyPriceUsd > plans.For(from).MonthlyPriceUsd;
    }

    public static SubscriptionView View(BillingState s) => new(
        EffectivePlan(s), s.Status, s.Interval, s.Provider, s.TrialEndsAt, s.PeriodStart, s.PeriodEnd, s.CancelAtPeriodEnd, s.PendingPlan, s.PastDueSince, s.LiveTradingSuspended, s.PaymentMethod);
}
