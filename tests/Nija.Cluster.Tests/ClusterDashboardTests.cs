using Microsoft.Playwright;
using Nija.Cluster.Tests.Support;

namespace Nija.Cluster.Tests;

/// <summary>The dashboard served by the API process as a cluster client, in Debian's Chromium: the founder sees every silo.</summary>
public sealed class ClusterDashboardTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_cluster_page_of_an_api_client_lists_every_silo_and_the_grain_methods_they_ran()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (test.sh does when run as root).");
        await using var cluster = new TestCluster("dashboard");
        await cluster.StartSilosAsync(2);
        var (api, http) = await ApiProcess.StartAsync(cluster, member: false);
        await using var _ = api;
        using var __ = http;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"] });
        var page = await browser.NewPageAsync(new() { BaseURL = http.BaseAddress!.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);

        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(ApiProcess.AdminEmail);
        await page.GetByLabel("Password").FillAsync(ApiProcess.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
        await page.GotoAsync("/#/cluster");

        var rows = page.GetByTestId("silo-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        foreach (var endpoint in cluster.Silos.Keys)
        {
            await Assertions.Expect(page.GetByTestId("silo-row").Filter(new() { HasText = endpoint })).ToContainTextAsync("Active");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Grain methods" })).ToContainTextAsync("ILoginGrain.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(cluster.LogDir, "cluster-page.png"), FullPage = true });
    }
}
