using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Demo;

/// <summary>
/// A counter that keeps its increments in memory and writes them only when it deactivates, as a usage
/// meter does: what the cluster tests use to show that a grain's new owner starts from the state its
/// old owner wrote on the way out.
/// </summary>
public interface IBufferedCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="delta"/> in memory; returns the new value.</summary>
    Task<long> Add(long delta);

    /// <summary>The value as this activation holds it.</summary>
    Task<long> Get();

    /// <summary>Makes this activation's deactivation wait <paramref name="delay"/> before it writes (a slow store).</summary>
    Task SlowDownDeactivation(TimeSpan delay);
}
