using System.Security.Cryptography;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// Midtrans has no subscriptions: each period is one Snap payment whose order id names the user,
/// the plan and the interval ("nija.{user}.{plan letter}{M|Y}.{nonce}", inside Midtrans's 50 characters).
/// </summary>
public static class MidtransOrderId
{
    public static string Create(string userId, PlanTier plan, BillingInterval interval) =>
        $"nija.{userId}.{plan.ToString()[0]}{(interval == BillingInterval.Yearly ? 'Y' : 'M')}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public static (string UserId, PlanTier Plan, BillingInterval Interval)? Parse(string? orderId)
    {
        var parts = orderId?.Split('.') ?? [];
        if (parts.Length != 4 || parts[0] != "nija" || parts[2].Length != 2 || parts[2][1] is not ('M' or 'Y'))
        {
            return null;
        }

        var plans = Enum.GetValues<PlanTier>().Where(p => p.ToString()[0] == parts[2][0]).ToList();
        return plans.Count == 1 ? (parts[1], plans[0], parts[2][1] == 'Y' ? BillingInterval.Yearly : BillingInterval.Monthly) : null;
    }
}
