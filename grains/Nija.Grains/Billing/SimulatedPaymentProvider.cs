using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// The offline processor of the embedded default: charges succeed or fail at once by the payment
/// method's test token, the way Stripe's test cards do (pm_card_visa pays, pm_card_chargeDeclined
/// and pm_card_insufficientFunds are declined). No money moves.
/// </summary>
public sealed class SimulatedPaymentProvider(BillingOptions options) : IPaymentProvider
{
    public const string DefaultMethod = "pm_card_visa";
    private static readonly string[] Declining = ["pm_card_chargeDeclined", "pm_card_insufficientFunds", "pm_card_expired"];

    public string Name => "simulated";

    public bool RenewsItself => false;

    public Task<ProviderResult> StartSubscriptionAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, CancellationToken cancellationToken) =>
        ChargeAsync(account, interval == BillingInterval.Yearly ? plan.YearlyPriceUsd : plan.MonthlyPriceUsd, $"{plan.Tier} {interval}", cancellationToken);

    public Task<ProviderResult> ChargeAsync(BillingAccount account, decimal amountUsd, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var method = account.PaymentMethod ?? DefaultMethod;
        var declined = Declining.Contains(method, StringComparer.Ordinal);
        return Task.FromResult(new ProviderResult(!declined, null, "sim_cus_" + account.UserId, "sim_sub_" + account.UserId, declined ? $"The card was declined ({method})." : null));
    }

    public Task ChangePlanAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, bool prorateNow, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetCancelAtPeriodEndAsync(BillingAccount account, bool cancel, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> PortalUrlAsync(BillingAccount account, string returnUrl, CancellationToken cancellationToken) =>
        Task.FromResult($"{options.PublicBaseUrl.TrimEnd('/')}/billing?simulated=true");

    public Task ReportUsageAsync(BillingAccount account, long apiCalls, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
}
