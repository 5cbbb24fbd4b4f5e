using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nija.Grains.Billing;

namespace Nija.Api.Tests.Billing;

public sealed class StripeWebhookFixture : IAsyncLifetime
{
    public const string Secret = "whsec_api_tests_1234567890";

    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await ApiHost.StartAsync(new ApiHostOptions
    {
        Settings = new Dictionary<string, string> { ["Nija:Billing:Stripe:WebhookSecret"] = Secret },
    });

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>Stripe's webhooks end to end: signed as Stripe signs them, in Stripe's documented event shapes.</summary>
public sealed class StripeWebhookTests(StripeWebhookFixture fixture) : IClassFixture<StripeWebhookFixture>
{
    private ApiHost Api => fixture.Api;

    private long Now => Api.Clock.GetUtcNow().ToUnixTimeSeconds();

    private Task<HttpResponseMessage> DeliverAsync(string payload, string? header = null, string path = "/webhooks/stripe")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", header ?? $"t={Now},v1={StripeSignature.Compute(StripeWebhookFixture.Secret, Now, payload)}");
        return Api.Http.SendAsync(request);
    }

    private static string SubscriptionEvent(string eventId, string type, long created, string userId, string status, string price, long periodStart, long periodEnd, bool cancelAtPeriodEnd = false) =>
        Fill("""
        {"id":"@event","object":"event","api_version":"2024-06-20","created":@created,"type":"@type","livemode":false,
         "data":{"object":{"id":"sub_@user","object":"subscription","customer":"cus_@user","status":"@status",
           "cancel_at_period_end":@cancel,"current_period_start":@start,"current_period_end":@end,
           "metadata":{"user_id":"@user"},
           "items":{"object":"list","data":[{"id":"si_1","object":"subscription_item","price":{"id":"@price","object":"price"}}]}}}}
        """, ("@event", eventId), ("@created", created), ("@type", type), ("@user", userId), ("@status", status), ("@cancel", cancelAtPeriodEnd ? "true" : "false"),
            ("@start", periodStart), ("@end", periodEnd), ("@price", price));

    private static string InvoiceEvent(string eventId, string type, long created, string customer, long cents) =>
        Fill("""
        {"id":"@event","object":"event","api_version":"2024-06-20","created":@created,"type":"@type","livemode":false,
         "data":{"object":{"id":"in_@event","object":"invoice","customer":"@customer","subscription":"sub_x","amount_paid":@paid,"amount_due":@due,"currency":"usd"}}}
        """, ("@event", eventId), ("@created", created), ("@type", type), ("@customer", customer), ("@paid", type == "invoice.paid" ? cents : 0), ("@due", cents));

    private static string Fill(string template, params (string Token, object Value)[] values) =>
        values.Aggregate(template, (t, v) => t.Replace(v.Token, Convert.ToString(v.Value, CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private async Task<JsonElement> StatusAsync(SignedIn user) => (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/current")).GetProperty("subscription");

    [Fact]
    public async Task A_subscription_event_activates_the_plan_and_the_same_event_twice_is_processed_once()
    {
        var user = await Api.NewUserAsync("free");
        var payload = SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.created", Now, user.UserId, "active", "price_nija_pro_monthly", Now, Now + 30 * 86400);

        var first = await (await DeliverAsync(payload)).Json();
        var second = await (await DeliverAsync(payload, path: "/api/v1/webhooks/stripe")).Json();

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        var status = await StatusAsync(user);
        Assert.Equal(("pro", "active", "stripe"), (status.GetProperty("plan").GetString(), status.GetProperty("status").GetString(), status.GetProperty("provider").GetString()));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_are_processed_exactly_once()
    {
        var user = await Api.NewUserAsync("free");
        await DeliverAsync(SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.created", Now, user.UserId, "active", "price_nija_basic_monthly", Now, Now + 30 * 86400));
        var paid = InvoiceEvent($"evt_{Guid.NewGuid():N}", "invoice.paid", Now + 1, $"cus_{user.UserId}", 4900);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ => await (await DeliverAsync(paid)).Json()));

        Assert.Equal(1, answers.Count(a => !a.GetProperty("duplicate").GetBoolean()));
        var invoices = await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/invoices");
        Assert.Equal(1, invoices.GetArrayLength());
        Assert.Equal(49m, invoices[0].GetProperty("amountUsd").GetDecimal());
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_is_ignored()
    {
        var user = await Api.NewUserAsync("free");
        var newer = SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.updated", Now + 100, user.UserId, "active", "price_nija_enterprise_monthly", Now, Now + 30 * 86400);
        var older = SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.updated", Now + 50, user.UserId, "past_due", "price_nija_basic_monthly", Now, Now + 30 * 86400);

        await DeliverAsync(newer);
        await DeliverAsync(older);

        var status = await StatusAsync(user);
        Assert.Equal(("enterprise", "active"), (status.GetProperty("plan").GetString(), status.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_failed_payment_makes_it_past_due_and_a_paid_invoice_restores_it_found_by_customer_alone()
    {
        var user = await Api.NewUserAsync("free");
        await DeliverAsync(SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.created", Now, user.UserId, "active", "price_nija_pro_monthly", Now, Now + 30 * 86400));

        await DeliverAsync(InvoiceEvent($"evt_{Guid.NewGuid():N}", "invoice.payment_failed", Now + 10, $"cus_{user.UserId}", 14900));
        var pastDue = await StatusAsync(user);
        await DeliverAsync(InvoiceEvent($"evt_{Guid.NewGuid():N}", "invoice.paid", Now + 20, $"cus_{user.UserId}", 14900));
        var restored = await StatusAsync(user);

        Assert.Equal("pastDue", pastDue.GetProperty("status").GetString());
        Assert.Equal("active", restored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_signatures_are_400_and_change_nothing()
    {
        var user = await Api.NewUserAsync("free");
        var payload = SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.created", Now, user.UserId, "active", "price_nija_pro_monthly", Now, Now + 86400);
        var good = StripeSignature.Compute(StripeWebhookFixture.Secret, Now, payload);
        var old = Now - 301;

        foreach (var header in new[]
        {
            $"t={Now},v0={good}",
            $"t={Now},v1={StripeSignature.Compute("whsec_wrong", Now, payload)}",
            $"t={old},v1={StripeSignature.Compute(StripeWebhookFixture.Secret, old, payload)}",
            "",
            $"v1={good}",
        })
        {
            await ProblemAssert.IsProblem(await DeliverAsync(payload, header), HttpStatusCode.BadRequest);
        }

        await ProblemAssert.IsProblem(await DeliverAsync(payload.Replace("pro_monthly", "enterprise_monthly", StringComparison.Ordinal), $"t={Now},v1={good}"), HttpStatusCode.BadRequest);
        Assert.Equal("none", (await StatusAsync(user)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_trial_ending_soon_is_pushed_to_the_users_live_connection()
    {
        var user = await Api.NewUserAsync("free");
        await using var live = await Live.NodeLiveClient.ConnectAsync(Api.Address.TrimEnd('/'), user.AccessToken);

        await DeliverAsync(SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.trial_will_end", Now, user.UserId, "trialing", "price_nija_pro_monthly", Now, Now + 3 * 86400));

        var note = await live.NextAsync(e => e.Name == "notification", TimeSpan.FromSeconds(5));
        Assert.Contains("trial ends", note.Data.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_for_nobody_is_acknowledged_and_ignored()
    {
        var payload = InvoiceEvent($"evt_{Guid.NewGuid():N}", "invoice.paid", Now, "cus_unknown", 100);

        var answer = await (await DeliverAsync(payload)).Json();

        Assert.True(answer.GetProperty("received").GetBoolean());
        Assert.True(answer.TryGetProperty("ignored", out _));
    }

    [Fact]
    public async Task A_stripe_header_made_by_stripes_npm_library_is_accepted()
    {
        var user = await Api.NewUserAsync("free");
        var payload = SubscriptionEvent($"evt_{Guid.NewGuid():N}", "customer.subscription.created", Now, user.UserId, "active", "price_nija_basic_yearly", Now, Now + 365 * 86400);
        var (code, header) = await Nija.Tests.Shared.NodeScripts.RunAsync("stripe-webhook.mjs", payload, "sign", StripeWebhookFixture.Secret, Now.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(0, code);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(payload, header)).StatusCode);
        Assert.Equal("yearly", (await StatusAsync(user)).GetProperty("interval").GetString());
    }
}
