namespace Nija.Api.Tests;

/// <summary>One running API (SQLite) shared by a test class: tests make their own users, so they do not see each other.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await ApiHost.StartAsync(new ApiHostOptions());

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
