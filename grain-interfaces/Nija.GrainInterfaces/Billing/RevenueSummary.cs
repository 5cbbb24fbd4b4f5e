using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Billing;

/// <summary>
/// The founder's revenue figures. MRR counts active and past-due subscriptions at their monthly
/// equivalent (a yearly price / 12); churn is this month's cancellations over the subscribers who
/// paid at some point in the month (at its start or joining during it); ARPU is MRR per paying subscriber.
/// </summary>
public sealed record RevenueSummary(
    decimal Mrr,
    decimal Arr,
    ImmutableDictionary<string, int> SubscribersByPlan,
    int PayingSubscribers,
    int ActiveTrials,
    int TrialsConverted,
    int TrialsEnded,
    decimal TrialConversionPct,
    decimal MonthlyChurnPct,
    decimal Arpu,
    ImmutableDictionary<string, decimal> RevenueByPlan,
    int FailedPayments,
    ImmutableArray<MrrPoint> MrrHistory);

/// <summary>MRR at the end of a month (the current month: now).</summary>
public sealed record MrrPoint(string Month, decimal Mrr);
