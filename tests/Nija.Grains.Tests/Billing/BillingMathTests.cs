using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Billing;
using Nija.Grains.Plans;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.Billing;

public sealed class BillingMathTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(49, 149, 0.0, 100.00)]    // at the start: the full difference
    [InlineData(49, 149, 0.5, 50.00)]     // half way
    [InlineData(149, 499, 0.9, 35.00)]    // 10 % left of 350
    [InlineData(149, 49, 0.5, 0.00)]      // a downgrade is never a negative charge
    [InlineData(49, 149, 1.0, 0.00)]      // at the end: nothing
    public void Proration_charges_the_difference_for_the_part_of_the_period_left(decimal from, decimal to, double elapsed, decimal expected)
    {
        var end = March.AddDays(31);
        var now = March + TimeSpan.FromTicks((long)((end - March).Ticks * elapsed));

        Assert.Equal(expected, SubscriptionLifecycle.Proration(from, to, March, end, now));
    }

    [Fact]
    public void Yearly_subscriptions_count_a_twelfth_toward_MRR()
    {
        Assert.Equal(119.17m, PlanCatalog.Default.MonthlyRecurring(PlanTier.Pro, BillingInterval.Yearly));
        Assert.Equal(149m, PlanCatalog.Default.MonthlyRecurring(PlanTier.Pro, BillingInterval.Monthly));
    }

    [Fact]
    public async Task Revenue_figures_match_a_hand_computed_month()
    {
        await using var silo = await GrainSilo.StartAsync();
        var revenue = silo.GrainFactory.GetGrain<IRevenueGrain>("global");
        var none = RevenueContribution.None;
        RevenueContribution Paying(PlanTier p, decimal mrr) => new(p, SubscriptionStatus.Active, mrr);
        var trial = new RevenueContribution(PlanTier.Pro, SubscriptionStatus.Trialing, 0m);

        // Four paying subscribers at the start of March: 2 Basic, 1 Pro monthly, 1 Pro yearly.
        await revenue.SubscriptionChanged("a", none, Paying(PlanTier.Basic, 49m), March);
        await revenue.SubscriptionChanged("b", none, Paying(PlanTier.Basic, 49m), March);
        await revenue.SubscriptionChanged("c", none, Paying(PlanTier.Pro, 149m), March);
        await revenue.SubscriptionChanged("d", none, Paying(PlanTier.Pro, 119.17m), March);
        // Two trials: one converts to Enterprise, one ends.
        await revenue.SubscriptionChanged("e", none, trial, March.AddDays(1));
        await revenue.SubscriptionChanged("f", none, trial, March.AddDays(1));
        await revenue.SubscriptionChanged("e", trial, Paying(PlanTier.Enterprise, 499m), March.AddDays(5));
        await revenue.SubscriptionChanged("f", trial, none, March.AddDays(15));
        // One Basic cancels in March; payments: 49 + 49 + 149 + 1430 + 499 collected, one failure.
        await revenue.SubscriptionChanged("b", Paying(PlanTier.Basic, 49m), none, March.AddDays(20));
        foreach (var (plan, amount) in new[] { (PlanTier.Basic, 49m), (PlanTier.Basic, 49m), (PlanTier.Pro, 149m), (PlanTier.Pro, 1430m), (PlanTier.Enterprise, 499m) })
        {
            await revenue.PaymentRecorded("x", plan, amount, true, March);
        }

        await revenue.PaymentRecorded("y", PlanTier.Pro, 149m, false, March);

        var s = await revenue.Summary(March.AddDays(25));

        Assert.Equal(49m + 149m + 119.17m + 499m, s.Mrr);           // 816.17
        Assert.Equal(816.17m * 12, s.Arr);
        Assert.Equal(4, s.PayingSubscribers);
        Assert.Equal(0, s.ActiveTrials);
        Assert.Equal((1, 1, 50m), (s.TrialsConverted, s.TrialsEnded, s.TrialConversionPct));
        Assert.Equal(20m, s.MonthlyChurnPct);                         // 1 of the 5 who paid in March (a, b, c, d, e)
        Assert.Equal(204.04m, s.Arpu);                                // 816.17 / 4
        Assert.Equal(1579m, s.RevenueByPlan["Pro"]);
        Assert.Equal(1, s.FailedPayments);
        Assert.Equal(2, s.SubscribersByPlan["Pro"]);
    }
}
