using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Nija.Api.Hosting;

namespace Nija.Api.Tests;

/// <summary>The API as `dotnet run --project api` builds it, on real Kestrel on a free loopback port, with its own data folder.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, string dataDir)
    {
        _app = app;
        DataDir = dataDir;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Http { get; }

    public string DataDir { get; }

    public static async Task<ApiHost> StartAsync(string? dataDir = null)
    {
        dataDir ??= Directory.CreateTempSubdirectory("nija-api-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [$"--Nija:DataDir={dataDir}"], EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddNijaPlatform();
        var app = builder.Build();
        app.MapNijaPlatform();
        await app.StartAsync();
        return new ApiHost(app, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
