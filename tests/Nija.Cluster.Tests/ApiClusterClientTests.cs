using System.Net.Http.Json;
using System.Text.Json;
using Nija.Cluster.Tests.Support;

namespace Nija.Cluster.Tests;

/// <summary>The API process as a cluster client in front of silo processes: it serves requests from grains on the silos and shows the whole cluster.</summary>
public sealed class ApiClusterClientTests
{
    [Fact]
    public async Task The_api_as_a_cluster_client_signs_the_founder_in_and_reports_every_silo()
    {
        await using var cluster = new TestCluster("api");
        await cluster.StartSilosAsync(2);
        var (api, http) = await StartApiAsync(cluster, member: false);
        await using var _ = api;
        using var __ = http;

        await SignInAsync(http);
        var report = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/cluster");

        var silos = report.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, s => Assert.Equal("Active", s.GetProperty("status").GetString()));
        Assert.Equal(cluster.Silos.Keys.Order(), silos.Select(s => s.GetProperty("silo").GetString()![..s.GetProperty("silo").GetString()!.IndexOf('@')]).Order());
        Assert.Empty(report.GetProperty("unreachable").EnumerateArray());
        Assert.Contains(report.GetProperty("methods").EnumerateArray(), m => m.GetProperty("method").GetString()!.StartsWith("ILoginGrain.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_co_hosting_a_member_silo_joins_the_cluster_and_serves_from_it()
    {
        await using var cluster = new TestCluster("cohost");
        await cluster.StartSilosAsync(1);
        var (api, http) = await StartApiAsync(cluster, member: true);
        await using var _ = api;
        using var __ = http;

        await SignInAsync(http);
        var report = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/cluster");

        Assert.Equal(2, report.GetProperty("silos").GetArrayLength());
        Assert.Equal(2, (await cluster.ReadTableAsync()).Active.Count);
    }

    /// <summary>Starts the API process against the cluster, as a client or co-hosting a member silo, and waits until it is ready.</summary>
    private static async Task<(SiloProcess Api, HttpClient Http)> StartApiAsync(TestCluster cluster, bool member)
    {
        var port = SiloProcess.FreePort();
        var settings = ClusterSettings.Common(cluster.ServiceId);
        if (member)
        {
            settings["Nija:Cluster:Port"] = SiloProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Nija:Cluster:ListenHost"] = "127.0.0.1";
        }
        else
        {
            settings["Nija:Cluster:Role"] = "Client";
        }

        settings["Nija:DataDir"] = Path.Combine(cluster.LogDir, "api");
        settings["Nija:Admin:Email"] = "founder@nija.test";
        settings["Nija:Admin:Password"] = "founder-password-1";
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var api = SiloProcess.Start(port, Path.Combine(cluster.LogDir, "api.log"), settings, SiloProcess.ApiDll);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitReadyAsync(http, api);
        return (api, http);
    }

    /// <summary>Signs the founder in (through grains on the silos) and sends the token from then on.</summary>
    private static async Task SignInAsync(HttpClient http)
    {
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "founder@nija.test", password = "founder-password-1" });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
    }

    private static async Task WaitReadyAsync(HttpClient http, SiloProcess api)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/api/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (api.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The API did not become ready.\n{api.LogTail()}");
            }

            await Task.Delay(200);
        }
    }
}
