using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Billing;

/// <summary>The subscription's lifecycle with the simulated processor, on a clock the test moves.</summary>
public sealed class SubscriptionLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(TestSilo Silo, ManualTimeProvider Clock, ISubscriptionGrain Subscription, IUserAccountGrain Account)> StartAsync(string user)
    {
        var clock = new ManualTimeProvider(Start);
        var silo = await GrainSilo.StartAsync(clock);
        var account = silo.GrainFactory.GetGrain<IUserAccountGrain>(user);
        await account.Create($"{user}@example.com", user, UserRole.User, PlanTier.Free);
        return (silo, clock, silo.GrainFactory.GetGrain<ISubscriptionGrain>(user), account);
    }

    [Fact]
    public async Task Trial_then_paid_then_a_failed_payment_then_recovery_then_downgrade_then_cancellation()
    {
        var (silo, clock, subscription, account) = await StartAsync("lifecycle");
        await using var _ = silo;
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("lifecycle");
        var revenue = silo.GrainFactory.GetGrain<IRevenueGrain>("global");

        // Registration: 14 days of Pro limits.
        var trial = await subscription.StartTrial();
        Assert.Equal((PlanTier.Pro, SubscriptionStatus.Trialing, Start.AddDays(14)), (trial.Plan, trial.Status, trial.TrialEndsAt));
        Assert.Equal(PlanTier.Pro, (await account.Get())!.Plan);

        // Day 10: pays for Pro monthly; the trial converts.
        clock.Advance(TimeSpan.FromDays(10));
        var paid = await subscription.Subscribe(PlanTier.Pro, BillingInterval.Monthly);
        Assert.Equal((SubscriptionStatus.Active, 149m), (paid.Subscription.Status, paid.AmountChargedUsd));
        Assert.Equal(Start.AddDays(10).AddMonths(1), paid.Subscription.CurrentPeriodEnd);

        // The card starts to fail: the renewal fails, the subscription is past due, live trading stays until the grace period ends.
        await subscription.SetPaymentMethod("pm_card_chargeDeclined");
        clock.Advance(TimeSpan.FromDays(31));
        var pastDue = await subscription.Get();
        Assert.Equal(SubscriptionStatus.PastDue, pastDue.Status);
        Assert.False(pastDue.LiveTradingSuspended);
        clock.Advance(TimeSpan.FromDays(3));
        Assert.True((await subscription.Get()).LiveTradingSuspended);
        var live = await trading.PlaceOrder(new PlaceOrderRequest("binance", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));
        var paper = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));
        Assert.StartsWith("PlanLiveTrading", live.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Filled, paper.Order.Status);

        // A working card pays the overdue invoice and restores everything.
        var recovered = await subscription.SetPaymentMethod("pm_card_visa");
        Assert.Equal((SubscriptionStatus.Active, false), (recovered.Status, recovered.LiveTradingSuspended));
        Assert.All(await subscription.Invoices(10), i => Assert.True(i.Paid));

        // Downgrade to Basic: Pro stays until the period end, then Basic is charged.
        var downgrade = await subscription.ChangePlan(PlanTier.Basic);
        Assert.Equal((PlanTier.Pro, PlanTier.Basic), (downgrade.Subscription.Plan, downgrade.Subscription.PendingPlan));
        clock.Advance(downgrade.Subscription.CurrentPeriodEnd!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var basic = await subscription.Get();
        Assert.Equal((PlanTier.Basic, SubscriptionStatus.Active, (PlanTier?)null), (basic.Plan, basic.Status, basic.PendingPlan));
        Assert.Equal(PlanTier.Basic, (await account.Get())!.Plan);
        Assert.Equal(49m, (await subscription.Invoices(1))[0].AmountUsd);

        // Cancel: Basic until the period end, reactivation possible before, Free after.
        await subscription.Cancel();
        await subscription.Reactivate();
        var canceled = await subscription.Cancel();
        Assert.True(canceled.Subscription.CancelAtPeriodEnd);
        Assert.Equal(PlanTier.Basic, (await account.Get())!.Plan);
        clock.Advance(canceled.Subscription.CurrentPeriodEnd!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var ended = await subscription.Get();
        Assert.Equal((PlanTier.Free, SubscriptionStatus.None), (ended.Plan, ended.Status));
        Assert.Equal(PlanTier.Free, (await account.Get())!.Plan);

        var figures = await revenue.Summary(clock.GetUtcNow());
        Assert.Equal(1, figures.TrialsConverted);
        Assert.Equal(0m, figures.Mrr);
        Assert.True(figures.FailedPayments >= 1);
        Assert.Equal(149m + 149m + 49m, figures.RevenueByPlan.Values.Sum());
    }

    [Fact]
    public async Task A_trial_that_is_not_paid_ends_on_free_and_never_starts_twice()
    {
        var (silo, clock, subscription, account) = await StartAsync("trialist");
        await using var _ = silo;

        await subscription.StartTrial();
        clock.Advance(TimeSpan.FromDays(14));
        var after = await subscription.Get();
        var again = await subscription.StartTrial();

        Assert.Equal((PlanTier.Free, SubscriptionStatus.None), (after.Plan, after.Status));
        Assert.Equal(SubscriptionStatus.None, again.Status);
        Assert.Equal(PlanTier.Free, (await account.Get())!.Plan);
        Assert.Equal(1, (await silo.GrainFactory.GetGrain<IRevenueGrain>("global").Summary(clock.GetUtcNow())).TrialsEnded);
    }

    [Fact]
    public async Task An_upgrade_applies_at_once_and_charges_the_prorated_difference()
    {
        var (silo, clock, subscription, account) = await StartAsync("upgrader");
        await using var _ = silo;
        await subscription.Subscribe(PlanTier.Basic, BillingInterval.Monthly);
        var period = (await subscription.Get()).CurrentPeriodEnd!.Value - Start;

        clock.Advance(period / 2);
        var upgrade = await subscription.ChangePlan(PlanTier.Pro);

        Assert.Equal(PlanTier.Pro, upgrade.Subscription.Plan);
        Assert.Equal(PlanTier.Pro, (await account.Get())!.Plan);
        Assert.Equal(50m, upgrade.AmountChargedUsd); // half of (149 - 49)
    }

    [Fact]
    public async Task A_declined_card_refuses_the_subscription_and_changes_nothing()
    {
        var (silo, _, subscription, account) = await StartAsync("declined");
        await using var __ = silo;
        await subscription.SetPaymentMethod("pm_card_chargeDeclined");

        await Assert.ThrowsAsync<InvalidOperationException>(() => subscription.Subscribe(PlanTier.Pro, BillingInterval.Yearly));

        Assert.Equal(SubscriptionStatus.None, (await subscription.Get()).Status);
        Assert.Equal(PlanTier.Free, (await account.Get())!.Plan);
    }

    [Fact]
    public async Task A_granted_plan_applies_without_charge_and_a_paid_plan_takes_precedence_while_it_runs()
    {
        var (silo, _, subscription, account) = await StartAsync("granted");
        await using var __ = silo;

        await subscription.Grant(PlanTier.Alpha, "founder");
        Assert.Equal(PlanTier.Alpha, (await account.Get())!.Plan);
        await subscription.Subscribe(PlanTier.Enterprise, BillingInterval.Monthly);

        Assert.Equal(PlanTier.Enterprise, (await account.Get())!.Plan);
    }
}
