using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Demo;

/// <summary>
/// A durable counter placed through the grain directory rather than the hash ring: what the
/// cluster tests use to show each placement strategy. One interface per strategy derives from it.
/// </summary>
public interface IPlacedCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="delta"/> and writes the value; returns the counter as this activation sees it.</summary>
    Task<CounterSnapshot> Add(long delta);

    /// <summary>The counter and where it is active.</summary>
    Task<CounterSnapshot> Get();

    /// <summary>Adds to another placed counter, calling it from the silo this one lives on.</summary>
    Task<CounterSnapshot> AddToPeer(CounterPlacement placement, string key, long delta);

    /// <summary>
    /// The activations this grain's silo last read from the membership table for <paramref name="silo"/>
    /// ("host:port@generation"): what its activation-count placement goes by. 0 for a silo it has no figure for.
    /// </summary>
    Task<int> ReportedLoadOf(string silo);

    /// <summary>
    /// Passes the call on to the first of <paramref name="path"/> with the rest of it, waiting for
    /// the answer; the last one adds 1. A path that comes back to a grain on it is a call cycle.
    /// </summary>
    Task<CounterSnapshot> Relay(CounterPlacement placement, string[] path);
}
