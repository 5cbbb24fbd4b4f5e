using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nija.Runtime.Hosting;

internal sealed class SiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
{
    public IServiceCollection Services => services;

    public IConfiguration Configuration => configuration;

    public ISiloBuilder AddGrains(Assembly assembly, Func<Type, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.Configure<GrainAssemblyOptions>(o => o.Types.AddRange(assembly.GetTypes().Where(include ?? (_ => true))));
        return this;
    }
}

/// <summary>The candidate grain classes.</summary>
internal sealed class GrainAssemblyOptions
{
    public List<Type> Types { get; } = [];
}
