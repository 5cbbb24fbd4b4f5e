using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nija.Runtime.Hosting;

/// <summary>Configures a silo: its grains, storage, reminders, streams and filters.</summary>
public interface ISiloBuilder
{
    /// <summary>The host's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }

    /// <summary>Registers every grain class in the assembly.</summary>
    ISiloBuilder AddGrains(Assembly assembly);
}
