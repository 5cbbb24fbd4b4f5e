using Microsoft.Extensions.Hosting;
using Nija.Grains.Demo;
using Nija.Grains.Hosting;
using Nija.Runtime.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseNijaSilo(silo => silo.AddGrains(typeof(GreeterGrain).Assembly).UseConfiguredStorage().AddTradingServices());
await builder.Build().RunAsync();
