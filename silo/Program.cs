using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nija.Grains.Demo;
using Nija.Grains.Hosting;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseNijaSilo(silo => silo.AddGrains(typeof(GreeterGrain).Assembly).UseConfiguredStorage().AddTradingServices());
using var host = builder.Build();
var cluster = host.Services.GetRequiredService<ClusterView>();
try
{
    await host.RunAsync();
}
catch (Exception) when (cluster.WasDeclaredDead)
{
    // Declared dead while still starting: the start-up work was cut short on purpose.
}

// A silo its peers declared dead exits with an error, so a supervisor restarts it (as a new generation).
return cluster.WasDeclaredDead ? 3 : 0;
