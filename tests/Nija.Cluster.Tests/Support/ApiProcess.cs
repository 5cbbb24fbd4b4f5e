using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Cluster.Tests.Support;

/// <summary>The API executable started as a process against a test cluster (as a client, or co-hosting a member silo), serving the dashboard too.</summary>
public static class ApiProcess
{
    public const string AdminEmail = "founder@nija.test";
    public const string AdminPassword = "founder-password-1";

    /// <summary>Starts the API process against the cluster, as a client or co-hosting a member silo, and waits until it is ready.</summary>
    public static async Task<(SiloProcess Api, HttpClient Http)> StartAsync(TestCluster cluster, bool member)
    {
        var port = ListenPorts.Next();
        var settings = ClusterSettings.Common(cluster.ServiceId);
        if (member)
        {
            settings["Nija:Cluster:Port"] = ListenPorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Nija:Cluster:ListenHost"] = "127.0.0.1";
        }
        else
        {
            settings["Nija:Cluster:Role"] = "Client";
        }

        settings["Nija:DataDir"] = Path.Combine(cluster.LogDir, "api");
        settings["Nija:Admin:Email"] = AdminEmail;
        settings["Nija:Admin:Password"] = AdminPassword;
        settings["Nija:Web:Root"] = Path.Combine(Repo.Root, "api", "web", "dist");
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var api = SiloProcess.Start(port, Path.Combine(cluster.LogDir, "api.log"), settings, SiloProcess.ApiDll);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitReadyAsync(http, api);
        return (api, http);
    }

    /// <summary>Signs the founder in (through grains on the silos) and sends the token from then on.</summary>
    public static async Task SignInAsync(HttpClient http)
    {
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = AdminEmail, password = AdminPassword });
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
