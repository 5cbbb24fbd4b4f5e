using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Billing;

namespace Nija.Api.Tests.Billing;

public sealed class MidtransFixture : IAsyncLifetime
{
    public const string ServerKey = "SB-Mid-server-API_TESTS_42";

    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await ApiHost.StartAsync(new ApiHostOptions
    {
        Settings = new Dictionary<string, string> { ["Nija:Billing:Midtrans:ServerKey"] = ServerKey, ["Nija:Billing:PaymentProvider"] = "simulated" },
    });

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>Midtrans's HTTP notifications, in its documented shape and signed with its documented formula.</summary>
public sealed class MidtransNotificationTests(MidtransFixture fixture) : IClassFixture<MidtransFixture>
{
    private ApiHost Api => fixture.Api;

    private static object Notification(string orderId, string status, string gross, string transactionId, string statusCode = "200", string? signature = null) => new
    {
        transaction_time = "2026-11-20 10:15:00",
        transaction_status = status,
        transaction_id = transactionId,
        status_message = "midtrans payment notification",
        status_code = statusCode,
        signature_key = signature ?? MidtransSignature.Compute(orderId, statusCode, gross, MidtransFixture.ServerKey),
        payment_type = "gopay",
        order_id = orderId,
        merchant_id = "G141532850",
        gross_amount = gross,
        fraud_status = "accept",
        currency = "IDR",
    };

    [Fact]
    public async Task A_settlement_starts_the_paid_plan_once_and_an_expired_renewal_makes_it_past_due()
    {
        var user = await Api.NewUserAsync("free");
        var order = MidtransOrderId.Create(user.UserId, PlanTier.Pro, BillingInterval.Monthly);
        var settled = Notification(order, "settlement", "2384000.00", Guid.NewGuid().ToString());

        var first = await (await Api.Http.PostAsJsonAsync("/webhooks/midtrans", settled)).Json();
        var again = await (await Api.Http.PostAsJsonAsync("/api/v1/webhooks/midtrans", settled)).Json();
        var active = (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/current")).GetProperty("subscription");

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(("pro", "active", "midtrans"), (active.GetProperty("plan").GetString(), active.GetProperty("status").GetString(), active.GetProperty("provider").GetString()));
        var invoice = (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/invoices"))[0];
        Assert.Equal(149m, invoice.GetProperty("amountUsd").GetDecimal());

        var renewal = MidtransOrderId.Create(user.UserId, PlanTier.Pro, BillingInterval.Monthly);
        await Api.Http.PostAsJsonAsync("/webhooks/midtrans", Notification(renewal, "expire", "2384000.00", Guid.NewGuid().ToString(), "407"));
        Assert.Equal("pastDue", (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/current")).GetProperty("subscription").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_signature_is_400_and_a_pending_payment_changes_nothing()
    {
        var user = await Api.NewUserAsync("free");
        var order = MidtransOrderId.Create(user.UserId, PlanTier.Basic, BillingInterval.Yearly);

        var forged = await Api.Http.PostAsJsonAsync("/webhooks/midtrans", Notification(order, "settlement", "7520000.00", "t-1", signature: new string('a', 128)));
        var pending = await (await Api.Http.PostAsJsonAsync("/webhooks/midtrans", Notification(order, "pending", "7520000.00", "t-2", "201"))).Json();
        var missing = await Api.Http.PostAsJsonAsync("/webhooks/midtrans", new { order_id = order });

        await ProblemAssert.IsProblem(forged, HttpStatusCode.BadRequest);
        Assert.True(pending.TryGetProperty("ignored", out _));
        await ProblemAssert.NamesField(missing, "body");
        Assert.Equal("none", (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/current")).GetProperty("subscription").GetProperty("status").GetString());
    }
}
