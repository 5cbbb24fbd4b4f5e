using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests.Billing;

/// <summary>An API whose plans file includes only a few API calls, so that overage shows after a handful of requests.</summary>
public sealed class SmallPlansFixture : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var plans = Path.Combine(Directory.CreateTempSubdirectory("nija-plans-").FullName, "plans.json");
        var shipped = await File.ReadAllTextAsync(Path.Combine(Nija.Tests.Shared.NodeScripts.RepoRoot(), "api", "plans.json"));
        await File.WriteAllTextAsync(plans, shipped.Replace("\"includedApiCalls\": 50000", "\"includedApiCalls\": 5", StringComparison.Ordinal)
            .Replace("\"includedApiCalls\": 10000,", "\"includedApiCalls\": 6,", StringComparison.Ordinal)
            .Replace("\"includedApiCalls\": 250000, \"overageApiCallUsd\": 0.02", "\"includedApiCalls\": 8, \"overageApiCallUsd\": 0.02", StringComparison.Ordinal));
        Api = await ApiHost.StartAsync(new ApiHostOptions { Settings = new Dictionary<string, string> { ["Nija:Billing:PlansFile"] = plans } });
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>A trader starts a trial, pays (simulated processor), is metered, upgrades and cancels; the founder sees it in the revenue figures.</summary>
public sealed class SubscriptionFlowTests(SmallPlansFixture fixture) : IClassFixture<SmallPlansFixture>
{
    private ApiHost Api => fixture.Api;

    [Fact]
    public async Task Trial_pay_meter_upgrade_cancel_and_the_founder_sees_it()
    {
        var admin = await Api.SignInAsAdminAsync();
        var mrrBefore = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/revenue")).GetProperty("mrr").GetDecimal();
        var user = await Api.NewUserAsync("free"); // registers into the trial, which the helper ends
        var code = await Api.InviteAsync($"trial-{user.Email}", "free");
        var trialist = await RegisterAsync($"trial-{user.Email}", code);

        var trial = await Current(trialist);
        Assert.Equal(("pro", "trialing"), (trial.GetProperty("plan").GetString(), trial.GetProperty("status").GetString()));

        var subscribed = await (await trialist.Http.PostAsJsonAsync("/billing/subscribe", new { plan = "basic", interval = "monthly" })).Json();
        Assert.Equal(49m, subscribed.GetProperty("amountChargedUsd").GetDecimal());
        Assert.Equal("basic", (await Current(trialist)).GetProperty("plan").GetString());

        // Metering: Basic includes 5 calls in this plans file, then 0.03 USD each.
        for (var i = 0; i < 6; i++)
        {
            await trialist.Http.GetAsync("/api/v1/account/balance");
        }

        var usage = await trialist.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/usage");
        var calls = usage.GetProperty("apiCalls");
        var used = calls.GetProperty("used").GetInt64();
        Assert.True(used >= 9, $"used {used}");
        Assert.Equal(used - 5, calls.GetProperty("overage").GetInt64());
        Assert.Equal((used - 5) * 0.03m, calls.GetProperty("overageUsd").GetDecimal());
        Assert.Equal(used, usage.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("apiCalls").GetInt64()));
        var preview = await trialist.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/invoice-preview");
        var lines = preview.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("amountUsd").GetDecimal()).ToList();
        Assert.Contains(49m, lines);
        Assert.Contains(lines, l => l >= (used - 5) * 0.03m && l <= (used + 5 - 5) * 0.03m); // the preview's own call may be metered too

        var upgraded = await (await trialist.Http.PostAsJsonAsync("/billing/upgrade", new { plan = "pro" })).Json();
        Assert.Equal("pro", upgraded.GetProperty("subscription").GetProperty("plan").GetString());
        Assert.InRange(upgraded.GetProperty("amountChargedUsd").GetDecimal(), 99m, 100m); // nearly the whole period left

        var status = await trialist.Http.GetFromJsonAsync<JsonElement>("/billing/status");
        Assert.Equal("active", status.GetProperty("subscription").GetProperty("status").GetString());
        var revenue = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/revenue");
        Assert.Equal(mrrBefore + 149m, revenue.GetProperty("mrr").GetDecimal());
        Assert.True(revenue.GetProperty("trialsConverted").GetInt32() >= 1);

        var canceled = await (await trialist.Http.PostAsync("/billing/cancel", null)).Json();
        Assert.True(canceled.GetProperty("subscription").GetProperty("cancelAtPeriodEnd").GetBoolean());
        var invoices = await trialist.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/invoices");
        Assert.Equal(2, invoices.GetArrayLength());
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit-logs?userId={trialist.UserId}&pageSize=100");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "billing.cancel");
    }

    [Fact]
    public async Task Pricing_lists_the_plans_with_yearly_about_twenty_percent_off()
    {
        var pricing = await Api.Http.GetFromJsonAsync<JsonElement>("/pricing");

        var pro = pricing.EnumerateArray().Single(p => p.GetProperty("plan").GetString() == "pro");
        Assert.Equal((149m, 1430m), (pro.GetProperty("monthlyPriceUsd").GetDecimal(), pro.GetProperty("yearlyPriceUsd").GetDecimal()));
        Assert.InRange(pro.GetProperty("yearlyDiscountPct").GetDecimal(), 19m, 21m);
    }

    [Fact]
    public async Task Subscribing_twice_is_a_conflict_and_a_declined_card_is_a_clear_error()
    {
        var user = await Api.NewUserAsync("free");
        await user.Http.PostAsJsonAsync("/api/v1/subscription/payment-methods", new { paymentMethod = "pm_card_chargeDeclined" });

        var declined = await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "pro" });
        await user.Http.PostAsJsonAsync("/api/v1/subscription/payment-methods", new { paymentMethod = "pm_card_visa" });
        var ok = await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "pro" });
        var again = await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "basic" });

        Assert.Contains("declined", (await ProblemAssert.IsProblem(declined, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict);
        await ProblemAssert.NamesField(await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "free" }), "plan");
        await ProblemAssert.NamesField(await user.Http.PostAsJsonAsync("/api/v1/subscription/subscribe", new { plan = "pro", interval = "weekly" }), "interval");
    }

    [Fact]
    public async Task Free_is_blocked_with_402_at_its_included_calls_and_paying_lifts_it()
    {
        var user = await Api.NewUserAsync("free"); // signing in and ending the trial already used two of the six

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await user.Http.GetAsync("/api/v1/account/balance")).StatusCode);
        }

        var blocked = await user.Http.GetAsync("/api/v1/account/balance");
        Assert.Equal(4, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal("IncludedApiCalls", (await ProblemAssert.IsProblem(blocked, HttpStatusCode.PaymentRequired)).GetProperty("limit").GetString());
        var admin = await Api.SignInAsAdminAsync();
        await admin.Http.PatchAsJsonAsync($"/api/v1/admin/users/{user.UserId}", new { plan = "basic" });
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/v1/account/balance")).StatusCode);
    }

    private async Task<SignedIn> RegisterAsync(string email, string code)
    {
        (await Api.Http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "long-enough-1", invitationCode = code })).EnsureSuccessStatusCode();
        return await Api.SignInAsync(email, "long-enough-1");
    }

    private static async Task<JsonElement> Current(SignedIn user) =>
        (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/subscription/current")).GetProperty("subscription");
}
