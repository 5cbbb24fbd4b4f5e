using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// Midtrans (Indonesian payment methods) behind the same interface: each period is paid through a
/// Snap transaction (POST /snap/v1/transactions, basic auth with the server key, amounts in whole
/// rupiah), and the outcome arrives as an HTTP notification. There is no card on file, so a renewal
/// is a new payment link and the subscription is past due until it is paid.
/// </summary>
public sealed class MidtransPaymentProvider(HttpClient http, BillingOptions options) : IPaymentProvider
{
    public string Name => "midtrans";

    public bool RenewsItself => false;

    public Task<ProviderResult> StartSubscriptionAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return SnapAsync(account, plan.Tier, interval, interval == BillingInterval.Yearly ? plan.YearlyPriceUsd : plan.MonthlyPriceUsd, $"Nija {plan.Tier} ({interval})", cancellationToken);
    }

    public async Task<ProviderResult> ChargeAsync(BillingAccount account, decimal amountUsd, string description, CancellationToken cancellationToken)
    {
        // No stored payment method: the renewal is a link the user pays; until then it is unpaid.
        var link = await SnapAsync(account, PlanTier.Free, BillingInterval.Monthly, amountUsd, description, cancellationToken);
        return link with { Paid = false, Error = "Awaiting payment through Midtrans." };
    }

    public Task ChangePlanAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, bool prorateNow, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetCancelAtPeriodEndAsync(BillingAccount account, bool cancel, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> PortalUrlAsync(BillingAccount account, string returnUrl, CancellationToken cancellationToken) => Task.FromResult(returnUrl);

    public Task ReportUsageAsync(BillingAccount account, long apiCalls, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public long Rupiah(decimal usd) => (long)decimal.Round(usd * options.Midtrans.IdrPerUsd, 0, MidpointRounding.AwayFromZero);

    private async Task<ProviderResult> SnapAsync(BillingAccount account, PlanTier plan, BillingInterval interval, decimal amountUsd, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var orderId = MidtransOrderId.Create(account.UserId, plan, interval);
        var gross = Rupiah(amountUsd);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Midtrans.ApiBase.TrimEnd('/') + "/"), "snap/v1/transactions"))
        {
            Content = JsonContent.Create(new
            {
                transaction_details = new { order_id = orderId, gross_amount = gross },
                item_details = new[] { new { id = plan.ToString(), price = gross, quantity = 1, name } },
                customer_details = new { email = account.Email },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Midtrans.ServerKey + ":")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Midtrans refused the transaction ({(int)response.StatusCode}): {Message(body)}");
        }

        var json = JsonDocument.Parse(body).RootElement;
        return new ProviderResult(false, json.GetProperty("redirect_url").GetString(), null, orderId, null);
    }

    private static string Message(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.TryGetProperty("error_messages", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? string.Join("; ", errors.EnumerateArray().Select(e => e.GetString()))
                : body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

}
