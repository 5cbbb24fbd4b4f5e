using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nija.Tests.Shared.Exchanges;

/// <summary>A local HTTP server (real Kestrel on a free loopback port) that speaks an exchange's documented JSON.</summary>
public sealed class FakeExchangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeExchangeServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeExchangeServer> StartAsync(Action<IEndpointRouteBuilder> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        routes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeExchangeServer(app) { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
