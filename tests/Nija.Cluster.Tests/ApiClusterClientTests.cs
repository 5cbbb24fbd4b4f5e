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
        var (api, http) = await ApiProcess.StartAsync(cluster, member: false);
        await using var _ = api;
        using var __ = http;

        await ApiProcess.SignInAsync(http);
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
        var (api, http) = await ApiProcess.StartAsync(cluster, member: true);
        await using var _ = api;
        using var __ = http;

        await ApiProcess.SignInAsync(http);
        var report = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/cluster");

        Assert.Equal(2, report.GetProperty("silos").GetArrayLength());
        Assert.Equal(2, (await cluster.ReadTableAsync()).Active.Count);
    }
}
