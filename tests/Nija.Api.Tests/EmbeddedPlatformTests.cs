using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nija.Api.Tests;

public sealed class EmbeddedPlatformTests
{
    [Fact]
    public async Task A_greeting_is_counted_in_SQLite_under_the_data_folder_and_survives_a_restart()
    {
        string dataDir;
        await using (var api = await ApiHost.StartAsync())
        {
            dataDir = api.DataDir;
            (await api.Http.PostAsync("/api/v1/demo/greet/alice?from=bob", null)).EnsureSuccessStatusCode();
        }

        Assert.True(File.Exists(Path.Combine(dataDir, "nija.db")));
        await using var again = await ApiHost.StartAsync(dataDir);
        var greeting = await (await again.Http.PostAsync("/api/v1/demo/greet/alice?from=carol", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, greeting.GetProperty("count").GetInt32());
        Assert.Equal("Hello alice, from carol", greeting.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bad_name_gets_a_problem_json_naming_the_field()
    {
        await using var api = await ApiHost.StartAsync();

        var response = await api.Http.PostAsync("/api/v1/demo/greet/not%20a%20name", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task The_runtime_statistics_show_the_calls_made()
    {
        await using var api = await ApiHost.StartAsync();
        await api.Http.PostAsync("/api/v1/demo/greet/stats", null);

        var stats = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/runtime/stats");

        var method = stats.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "IGreeterGrain.Greet");
        Assert.Equal(1, method.GetProperty("calls").GetInt64());
        Assert.Equal(1, stats.GetProperty("activationsByType").GetProperty("greeter").GetInt32());
    }

    [Fact]
    public async Task An_unknown_route_gets_a_problem_json_not_a_blank_page()
    {
        await using var api = await ApiHost.StartAsync();

        var response = await api.Http.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
