using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Abstractions.Streams;

/// <summary>Stream helpers for grain code.</summary>
public static class GrainStreamExtensions
{
    /// <summary>The stream provider registered under <paramref name="name"/>.</summary>
    public static IStreamProvider GetStreamProvider(this Grain grain, string name = "Default")
    {
        ArgumentNullException.ThrowIfNull(grain);
        return GetStreamProvider(grain.GrainContext.Services, name);
    }

    /// <summary>The stream provider registered under <paramref name="name"/>, for host code.</summary>
    public static IStreamProvider GetStreamProvider(this IServiceProvider services, string name = "Default")
    {
        ArgumentNullException.ThrowIfNull(services);
        var providers = services.GetService(typeof(IEnumerable<IStreamProvider>)) as IEnumerable<IStreamProvider> ?? [];
        return providers.FirstOrDefault(p => p.Name == name)
            ?? throw new InvalidOperationException($"No stream provider named '{name}' is configured.");
    }
}
