using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Billing;

/// <summary>
/// Revenue figures kept up to date by subscription changes and payments (key "global"), so that
/// the founder's page never scans every user.
/// </summary>
public interface IRevenueGrain : IGrainWithStringKey
{
    /// <summary>A user's subscription moved from one state to another.</summary>
    Task SubscriptionChanged(string userId, RevenueContribution before, RevenueContribution after, DateTimeOffset at);

    /// <summary>A charge succeeded or failed.</summary>
    Task PaymentRecorded(string userId, PlanTier plan, decimal amountUsd, bool succeeded, DateTimeOffset at);

    [ReadOnly]
    Task<RevenueSummary> Summary(DateTimeOffset now);
}

/// <summary>A subscription's plan, status and what it adds to monthly recurring revenue.</summary>
public sealed record RevenueContribution(PlanTier Plan, SubscriptionStatus Status, decimal MonthlyRecurringUsd)
{
    public static RevenueContribution None { get; } = new(PlanTier.Free, SubscriptionStatus.None, 0m);
}
