using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nija.Api.Tests.Platform;

/// <summary>Every mapped route, found from the app's own endpoint list, answered with bad input: a 4xx problem, never a 500.</summary>
public sealed class RouteSweepTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Api => fixture.Api;

    public static IEnumerable<(string Method, string Path)> Routes(ApiHost api) =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/billing", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, Path(e.RoutePattern.RawText!))))
            .Distinct();

    private static string Path(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", "zz-not-an-id-0000000000");

    [Fact]
    public async Task Every_route_answers_malformed_json_with_a_client_error_problem_and_never_a_500()
    {
        // A second admin of its own: routes without a body (cancel, stop) really run, and must not change the founder.
        var founder = await Api.SignInAsAdminAsync();
        var sweeper = await Api.NewUserAsync("enterprise");
        (await founder.Http.PatchAsJsonAsync($"/api/v1/admin/users/{sweeper.UserId}", new { role = "admin" })).EnsureSuccessStatusCode();
        var admin = await Api.SignInAsync(sweeper.Email, sweeper.Password);
        var routes = Routes(Api).Where(r => r.Method is "POST" or "PUT" or "PATCH").ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} write routes found");

        var failures = new List<string>();
        foreach (var (method, path) in routes)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"unexpected\": [1, ", Encoding.UTF8, "application/json") };
            var response = await admin.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal)
                || ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                failures.Add($"{method} {path} -> {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_read_route_answers_a_signed_in_admin_without_a_server_error()
    {
        var admin = await Api.SignInAsAdminAsync();
        var failures = new List<string>();
        foreach (var (_, path) in Routes(Api).Where(r => r.Method == "GET"))
        {
            var response = await admin.Http.GetAsync(path);
            if ((int)response.StatusCode >= 500 || (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.NotFound))
            {
                failures.Add($"GET {path} -> {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_non_public_route_needs_a_token()
    {
        string[] anonymous = ["/api/v1/auth/", "/api/v1/webhooks/", "/api/health", "/api/ready", "/api/v1/subscription/plans", "/api/v1/demo/", "/api/v1/runtime/"];
        Assert.Contains(Routes(Api), r => r.Path == "/billing/status");
        var failures = new List<string>();
        foreach (var (method, path) in Routes(Api).Where(r => !anonymous.Any(a => r.Path.StartsWith(a, StringComparison.Ordinal))))
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET" && method != "DELETE")
            {
                request.Content = JsonContent.Create(new { });
            }

            var response = await Api.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {path} -> {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }
}
