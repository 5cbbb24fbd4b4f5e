using Nija.Grains.Demo;
using Nija.Grains.Hosting;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;
using Nija.Silo.Health;

var builder = WebApplication.CreateSlimBuilder(HostArguments.WithoutConfigurationReload(args));

// The probes' port: SiloHealthEndpoints.DefaultPort unless --urls or ASPNETCORE_URLS says otherwise (several silos on one machine need their own).
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? $"http://0.0.0.0:{SiloHealthEndpoints.DefaultPort}");
builder.UseNijaSilo(silo => silo.AddGrains(typeof(GreeterGrain).Assembly).UseConfiguredStorage().AddTradingServices());
await using var app = builder.Build();
app.MapSiloHealth();
var cluster = app.Services.GetRequiredService<ClusterView>();
try
{
    await app.RunAsync();
}
catch (Exception) when (cluster.WasDeclaredDead)
{
    // Declared dead while still starting: the start-up work was cut short on purpose.
}

// A silo its peers declared dead exits with an error, so a supervisor restarts it (as a new generation).
return cluster.WasDeclaredDead ? 3 : 0;
