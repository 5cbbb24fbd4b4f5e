using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nija.Api.Tests.Web;

/// <summary>The dashboard in a real browser: the journeys a trader and the founder take.</summary>
public sealed partial class DashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private ApiHost Api => fixture.Api;

    private async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
    }

    private Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_trader_registers_with_an_invitation_onboards_and_sees_a_paper_position_appear_live()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        var code = await Api.InviteAsync(email, "pro");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/#/register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("browser-pass-1");
        await page.GetByLabel("Invitation code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Registered" }).WaitForAsync();
        await SignInAsync(page, email, "browser-pass-1");

        // Onboarding: the code from the outbox, a paper broker key, the tutorial, activation.
        var admin = await Api.SignInAsAdminAsync();
        var outbox = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/outbox?to={Uri.EscapeDataString(email)}");
        var verification = SixDigits().Match(outbox[0].GetProperty("body").GetString()!).Value;
        await page.GotoAsync("/#/onboarding");
        await page.GetByLabel("Verification code from your e-mail").FillAsync(verification);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify e-mail" }).ClickAsync();
        await page.GetByLabel("API key").FillAsync("paper-key-123");
        await page.GetByLabel("API secret").FillAsync("paper-secret-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect the paper exchange" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I have read the tutorial" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate my account" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("onboarding-step")).ToHaveTextAsync("active");
        await ShotAsync(page, "onboarding");

        // A paper order from the ticket; the position appears without a reload.
        await page.GotoAsync("/#/dashboard");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("live");
        await Assertions.Expect(page.GetByText("No open positions.")).ToBeVisibleAsync();
        await page.GetByLabel("Symbol").FillAsync("ETH-USD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-symbol='ETH-USD']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("Order .+: filled"))).ToBeVisibleAsync();
        await ShotAsync(page, "dashboard");

        await page.GotoAsync("/#/billing");
        await Assertions.Expect(page.GetByTestId("current-plan")).ToHaveTextAsync("pro");
        await ShotAsync(page, "billing");
    }

    [Fact]
    public async Task The_founder_approves_a_user_reads_revenue_and_stops_then_resumes_all_trading()
    {
        var user = await Api.NewUserAsync("free");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, ApiHost.AdminEmail, ApiHost.AdminPassword);

        await page.GotoAsync("/#/admin");
        await Assertions.Expect(page.GetByTestId("health")).ToContainTextAsync("green");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {user.Email}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mrr")).ToContainTextAsync("MRR $");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "MRR by month" })).ToBeVisibleAsync();
        var stop = page.GetByRole(AriaRole.Button, new() { Name = "Stop all trading" });
        await Assertions.Expect(stop).ToBeDisabledAsync();
        await page.GetByLabel("Type STOP to confirm").FillAsync("STOP");
        await stop.ClickAsync();
        await Assertions.Expect(page.GetByTestId("health")).ToContainTextAsync("red");
        await ShotAsync(page, "founder-stopped");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume trading" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("health")).ToContainTextAsync("green");

        var onboarding = await (await Api.SignInAsAdminAsync()).Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{user.UserId}");
        Assert.True(onboarding.GetProperty("onboarding").GetProperty("alphaApproved").GetBoolean());
        await ShotAsync(page, "founder");
    }

    [Fact]
    public async Task The_founder_reads_the_records_and_views_a_users_pages_read_only()
    {
        var user = await Api.NewUserAsync("pro");
        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "BTC-USD", side = "buy", type = "market", sizeUsd = 9_000 });
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, ApiHost.AdminEmail, ApiHost.AdminPassword);

        await page.GotoAsync("/#/records");
        await page.GetByLabel("User id").FillAsync(user.UserId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Risk events" })).ToContainTextAsync("MaxPositionSize");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Audit log" })).ToContainTextAsync("auth.login");
        await ShotAsync(page, "records");

        await page.GotoAsync("/#/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = $"View as {user.Email}" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
        await Assertions.Expect(page.GetByText("(read-only)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "Order ticket" }).GetByRole(AriaRole.Alert)).ToContainTextAsync("Forbidden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to founder" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Founder" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_cluster_page_lists_the_silo_and_its_grain_methods()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, ApiHost.AdminEmail, ApiHost.AdminPassword);

        await page.GotoAsync("/#/cluster");

        await Assertions.Expect(page.GetByTestId("silo-row")).ToContainTextAsync("Active");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Grain methods" })).ToContainTextAsync("IUserAccountGrain");
        await Assertions.Expect(page.GetByTestId("broker-paper")).ToContainTextAsync("closed");
        await ShotAsync(page, "cluster");
    }

    [Fact]
    public async Task Every_trader_page_renders_without_an_error_and_2fa_shows_a_qr_code()
    {
        var user = await Api.NewUserAsync("pro");
        await user.Http.PostAsJsonAsync("/api/v1/trading/orders", new { broker = "paper", symbol = "SOL-USD", side = "buy", type = "market", sizeUsd = 60 });
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, user.Email, user.Password);

        foreach (var (route, heading) in new[] { ("risk", "Risk"), ("backtests", "Backtests"), ("settings", "Settings"), ("security", "Security"), ("billing", "Billing") })
        {
            await page.GotoAsync($"/#/{route}");
            await page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).WaitForAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await ShotAsync(page, route);
        }

        await page.GotoAsync("/#/risk");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Risk heatmap" }).Locator("rect")).ToHaveCountAsync(1);
        await page.GotoAsync("/#/backtests");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run backtest" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("backtest-stats")).ToContainTextAsync("trades");
        await page.GotoAsync("/#/settings");
        await page.GetByLabel("Alert message (JSON)").FillAsync("{\"symbol\":\"BTC-USD\",\"side\":\"hold\",\"sizeUsd\":5}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("side must be buy or sell");
        await page.GotoAsync("/#/security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("totp-qr")).ToBeVisibleAsync();
        await ShotAsync(page, "security-enrolment");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_problem_title_not_a_blank_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync("nobody@example.com");
        await page.GetByLabel("Password").FillAsync("not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail address or password is wrong.");
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
