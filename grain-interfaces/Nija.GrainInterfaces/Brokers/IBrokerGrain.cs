using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Brokers;

/// <summary>
/// One exchange's shared budget and health (key: the exchange's name). Callers ask for a permit
/// before a request and report how it went; the grain holds the rate budget (a token bucket) and a
/// circuit breaker, so that a failing exchange is not hammered by every tenant at once. Credentials
/// never pass through it: the caller makes the request itself.
/// </summary>
public interface IBrokerGrain : IGrainWithStringKey
{
    /// <summary>A permit for a request of <paramref name="weight"/> (the exchange's own request weight), or why not and when to retry.</summary>
    Task<BrokerPermit> Acquire(int weight);

    /// <summary>How the permitted request went; failures count toward opening the circuit.</summary>
    Task Report(bool succeeded, string? error);

    [ReadOnly]
    Task<BrokerHealth> Health();
}

/// <summary>Whether a request may go now; when not, the reason and how long to wait.</summary>
public sealed record BrokerPermit(bool Granted, string? Reason, TimeSpan RetryAfter);

/// <summary>An exchange's circuit and budget as the founder's pages show them.</summary>
public sealed record BrokerHealth(string Broker, CircuitState Circuit, double TokensAvailable, int ConsecutiveFailures, DateTimeOffset? OpenedAt, string? LastError);

/// <summary>The circuit breaker's states.</summary>
public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
