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

    /// <summary>Registers the grain classes in the assembly (those <paramref name="include"/> accepts, when given).</summary>
    ISiloBuilder AddGrains(Assembly assembly, Func<Type, bool>? include = null);
}
