using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Nija.Api.Hosting;
using Nija.Api.Telemetry;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Hosting;
using Nija.Runtime.Testing;

namespace Nija.Api.Tests;

/// <summary>How a test wants the API started.</summary>
public sealed record ApiHostOptions
{
    public string? DataDir { get; init; }

    /// <summary>"Sqlite" (the embedded default) or "PostgreSql" (NIJA_TEST_POSTGRES, with a service id of its own).</summary>
    public string Storage { get; init; } = "Sqlite";

    public string? ServiceId { get; init; }

    public bool RequireInvitation { get; init; } = true;

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The API as `dotnet run --project api` builds it, on real Kestrel on a free loopback port, with its
/// own data folder, a clock the test moves, the founder's password set, and the log captured.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminEmail = "founder@nija.test";
    public const string AdminPassword = "founder-password-1";

    private readonly WebApplication _app;

    private ApiHost(WebApplication app, ApiHostOptions options, string dataDir, ManualTimeProvider clock, StringWriter log)
    {
        _app = app;
        Options = options;
        DataDir = dataDir;
        Clock = clock;
        Log = log;
        Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public string Address { get; }

    public HttpClient Http { get; }

    public string DataDir { get; }

    public ApiHostOptions Options { get; }

    public ManualTimeProvider Clock { get; }

    /// <summary>Everything the API logged, as JSON lines.</summary>
    public StringWriter Log { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _app.Services;

    public static Task<ApiHost> StartAsync(string? dataDir = null) => StartAsync(new ApiHostOptions { DataDir = dataDir });

    public static async Task<ApiHost> StartAsync(ApiHostOptions options)
    {
        var dataDir = options.DataDir ?? Directory.CreateTempSubdirectory("nija-api-").FullName;
        var args = new List<string>
        {
            $"--Nija:DataDir={dataDir}",
            $"--Nija:Admin:Email={AdminEmail}",
            $"--Nija:Admin:Password={AdminPassword}",
            $"--Nija:Onboarding:RequireInvitation={options.RequireInvitation}",

            // Prices move only when a test moves them.
            "--Nija:MarketData:StepInterval=00:00:00",
            $"--Nija:Web:Root={Path.Combine(Nija.Tests.Shared.NodeScripts.RepoRoot(), "api", "web", "dist")}",
        };
        if (options.Storage == "PostgreSql")
        {
            var url = Environment.GetEnvironmentVariable("NIJA_TEST_POSTGRES")
                ?? throw new InvalidOperationException("NIJA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            args.Add("--Nija:Storage:Provider=PostgreSql");
            args.Add($"--Nija:Storage:PostgreSql:ConnectionString={url}");
            args.Add($"--Nija:Silo:ServiceId={options.ServiceId ?? "api-" + Guid.NewGuid().ToString("N")[..8]}");
        }

        args.AddRange(options.Settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var log = new StringWriter();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments.WithoutConfigurationReload([.. args]), EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddNijaPlatform();
        builder.AddNijaLogging(TextWriter.Synchronized(log));
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.MapNijaPlatform();
        await app.StartAsync();
        return new ApiHost(app, options, dataDir, clock, log);
    }

    /// <summary>A client that sends <paramref name="accessToken"/> as its bearer token.</summary>
    public HttpClient Client(string? accessToken = null, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public async Task<SignedIn> SignInAsync(string email, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        var access = tokens.GetProperty("accessToken").GetString()!;
        var client = Client(access);
        var profileResponse = await client.GetAsync("/api/v1/account/profile");
        if (!profileResponse.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/v1/account/profile answered {(int)profileResponse.StatusCode}: {await profileResponse.Content.ReadAsStringAsync()}");
        }

        var profile = await profileResponse.Content.ReadFromJsonAsync<JsonElement>();
        return new SignedIn(profile.GetProperty("profile").GetProperty("userId").GetString()!, email, password, access, tokens.GetProperty("refreshToken").GetString()!, client);
    }

    public Task<SignedIn> SignInAsAdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>An admin invites a new address on <paramref name="tier"/> (granted; "free" gets Free, its trial ended); the user registers and signs in.</summary>
    public async Task<SignedIn> NewUserAsync(string tier = "pro", string? email = null)
    {
        email ??= $"trader-{Guid.NewGuid():N}@example.com";
        var code = await InviteAsync(email, tier);
        var password = "correct-horse-" + Guid.NewGuid().ToString("N")[..6];
        var registered = await Http.PostAsJsonAsync("/api/v1/auth/register", new { email, password, invitationCode = code });
        registered.EnsureSuccessStatusCode();
        var user = await SignInAsync(email, password);
        if (tier == "free")
        {
            // Registering on Free starts the Pro trial; a test that wants the Free limits ends it.
            (await user.Http.PostAsync("/api/v1/subscription/cancel", null)).EnsureSuccessStatusCode();
        }

        return user;
    }

    public async Task<string> InviteAsync(string email, string tier = "pro")
    {
        var admin = await SignInAsAdminAsync();
        var invitation = await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email, tier, validityDays = 7 });
        invitation.EnsureSuccessStatusCode();
        return (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A signed-in user and a client that carries their token.</summary>
public sealed record SignedIn(string UserId, string Email, string Password, string AccessToken, string RefreshToken, HttpClient Http);
