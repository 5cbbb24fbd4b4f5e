using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Nija.Runtime.Hosting;

namespace Nija.Api.Tests.Platform;

public sealed class HostArgumentsTests
{
    [Fact]
    public void The_hosts_arguments_stop_appsettings_files_being_watched_for_changes()
    {
        var builder = WebApplication.CreateBuilder(HostArguments.WithoutConfigurationReload(["--Nija:DataDir=data"]));

        var files = FileSources(builder);

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched"));
        Assert.Equal("data", builder.Configuration["Nija:DataDir"]);
    }

    [Fact]
    public void An_explicit_reload_switch_on_the_command_line_still_wins()
    {
        var builder = WebApplication.CreateBuilder(HostArguments.WithoutConfigurationReload(["--hostBuilder:reloadConfigOnChange=true"]));

        Assert.Contains(FileSources(builder), f => f.ReloadOnChange);
    }

    private static List<FileConfigurationSource> FileSources(WebApplicationBuilder builder) =>
        ((IConfigurationBuilder)builder.Configuration).Sources.OfType<FileConfigurationSource>().ToList();
}
