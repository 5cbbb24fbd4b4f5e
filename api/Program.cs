using Nija.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNijaPlatform();

var app = builder.Build();
app.MapNijaPlatform();
await app.RunAsync();
