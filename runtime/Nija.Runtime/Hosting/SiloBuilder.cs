using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nija.Runtime.Hosting;

internal sealed class SiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
{
    public IServiceCollection Services => services;

    public IConfiguration Configuration => configuration;

    public ISiloBuilder AddGrains(Assembly assembly)
    {
        services.Configure<GrainAssemblyOptions>(o => o.Assemblies.Add(assembly));
        return this;
    }
}

/// <summary>The assemblies scanned for grain classes.</summary>
internal sealed class GrainAssemblyOptions
{
    public List<Assembly> Assemblies { get; } = [];
}
