using Nija.Api.Hosting;
using Nija.Runtime.Hosting;

var builder = WebApplication.CreateBuilder(HostArguments.WithoutConfigurationReload(args));
builder.AddNijaPlatform();

var app = builder.Build();
app.MapNijaPlatform();
await app.RunAsync();
