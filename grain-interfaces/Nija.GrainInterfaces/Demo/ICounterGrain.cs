using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Demo;

/// <summary>
/// A durable counter whose increments are idempotent per operation id: the cluster's smoke test and
/// the grain the failover and chaos tests count with (a caller that retries an increment whose
/// outcome it did not hear sends the same id, so nothing is doubled).
/// </summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>The stream namespace a counter publishes its new value on (keyed by the counter's key).</summary>
    const string Stream = "counters";

    /// <summary>Adds <paramref name="delta"/> once per <paramref name="operationId"/>; returns the value.</summary>
    Task<long> Add(string operationId, long delta);

    /// <summary>Adds to another counter through this one: a grain-to-grain call, across silos when they live apart.</summary>
    Task<long> AddTo(string counterKey, string operationId, long delta);

    /// <summary>The value, the reminder ticks received, and where the grain is active.</summary>
    Task<CounterSnapshot> Get();

    /// <summary>Registers a durable reminder that counts ticks every <paramref name="period"/>.</summary>
    Task StartTicking(TimeSpan period);
}
