using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Billing;
using Nija.Grains.Plans;

namespace Nija.Grains.Tests.Billing;

public sealed class StripeClientTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stripe.DisposeAsync();
    }

    private StripePaymentProvider Provider()
    {
        var options = new BillingOptions
        {
            PublicBaseUrl = "https://app.nija.test",
            Stripe = new StripeOptions { SecretKey = FakeStripe.SecretKey, WebhookSecret = "whsec_x", ApiBase = _stripe.BaseAddress.ToString(), ApiVersion = FakeStripe.Version },
        };
        return new StripePaymentProvider(new StripeClient(_http, Options.Create(options), TimeProvider.System), options);
    }

    private static readonly BillingAccount Account = new("u_1", "trader@example.com", null, null, null);

    [Fact]
    public async Task Subscribing_creates_a_customer_and_a_checkout_session_with_the_documented_form_fields()
    {
        var plan = PlanCatalogLoader.Load(Path.Combine(Nija.Tests.Shared.NodeScripts.RepoRoot(), "api", "plans.json")).For(PlanTier.Pro);

        var result = await Provider().StartSubscriptionAsync(Account, plan, BillingInterval.Yearly, default);

        Assert.Equal(("https://checkout.stripe.com/c/pay/cs_test_a1b2c3", "cus_NffrFeUfNV2Hib"), (result.RedirectUrl, result.CustomerId));
        var requests = _stripe.Requests.ToArray();
        Assert.Equal(["/v1/customers", "/v1/checkout/sessions"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal((FakeStripe.Version, $"Bearer {FakeStripe.SecretKey}"), (r.StripeVersion, r.Authorization)));
        Assert.Equal(2, requests.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Equal(("trader@example.com", "u_1"), (requests[0].Form["email"], requests[0].Form["metadata[user_id]"]));
        var session = requests[1].Form;
        Assert.Equal("subscription", session["mode"]);
        Assert.Equal("price_nija_pro_yearly", session["line_items[0][price]"]);
        Assert.Equal("1", session["line_items[0][quantity]"]);
        Assert.Equal("cus_NffrFeUfNV2Hib", session["customer"]);
        Assert.Equal("u_1", session["client_reference_id"]);
        Assert.Equal("u_1", session["subscription_data[metadata][user_id]"]);
        Assert.StartsWith("https://app.nija.test/billing?checkout=success", session["success_url"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(429)]
    public async Task A_retryable_answer_is_retried_with_the_same_idempotency_key(int status)
    {
        _stripe.Failures.Enqueue(status);
        _stripe.Failures.Enqueue(status);

        var url = await Provider().PortalUrlAsync(Account with { CustomerId = "cus_1" }, "https://app.nija.test/billing", default);

        Assert.Equal("https://billing.stripe.com/p/session/test_YWNjdF8x", url);
        var requests = _stripe.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Single(requests.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_names_stripes_code()
    {
        _stripe.Failures.Enqueue(400);

        var error = await Assert.ThrowsAsync<StripeException>(() => Provider().PortalUrlAsync(Account with { CustomerId = "cus_1" }, "https://x.test", default));

        Assert.Equal((400, "invalid_request_error", "resource_missing"), (error.Status, error.Type, error.Code));
        Assert.Single(_stripe.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_the_error_surfaces()
    {
        for (var i = 0; i < 5; i++)
        {
            _stripe.Failures.Enqueue(503);
        }

        var error = await Assert.ThrowsAsync<StripeException>(() => Provider().PortalUrlAsync(Account with { CustomerId = "cus_1" }, "https://x.test", default));

        Assert.Equal(503, error.Status);
        Assert.Equal(4, _stripe.Requests.Count); // the first try and three retries
    }

    [Fact]
    public async Task An_upgrade_swaps_the_subscription_items_price_and_prorates_now_a_downgrade_does_not()
    {
        var plans = PlanCatalogLoader.Load(Path.Combine(Nija.Tests.Shared.NodeScripts.RepoRoot(), "api", "plans.json"));
        var account = Account with { CustomerId = "cus_1", SubscriptionId = "sub_1MowQVLkdIwHu7ix" };

        await Provider().ChangePlanAsync(account, plans.For(PlanTier.Pro), BillingInterval.Monthly, prorateNow: true, default);
        await Provider().ChangePlanAsync(account, plans.For(PlanTier.Basic), BillingInterval.Monthly, prorateNow: false, default);

        var updates = _stripe.Requests.Where(r => r.Method == "POST").ToArray();
        Assert.Equal("/v1/subscriptions/sub_1MowQVLkdIwHu7ix", updates[0].Path);
        Assert.Equal(("si_OlX2hH4V2Abcde", "price_nija_pro_monthly", "always_invoice"), (updates[0].Form["items[0][id]"], updates[0].Form["items[0][price]"], updates[0].Form["proration_behavior"]));
        Assert.Equal(("price_nija_basic_monthly", "none"), (updates[1].Form["items[0][price]"], updates[1].Form["proration_behavior"]));
    }

    [Fact]
    public async Task Metered_calls_are_reported_as_a_meter_event_keyed_by_user_and_day()
    {
        await Provider().ReportUsageAsync(Account with { CustomerId = "cus_9" }, 1234, "u_1:2026-03-04", default);

        var r = Assert.Single(_stripe.Requests);
        Assert.Equal("/v1/billing/meter_events", r.Path);
        Assert.Equal(("nija_api_calls", "cus_9", "1234", "u_1:2026-03-04"), (r.Form["event_name"], r.Form["payload[stripe_customer_id]"], r.Form["payload[value]"], r.Form["identifier"]));
        Assert.Equal("meter-u_1:2026-03-04", r.IdempotencyKey);
    }
}
