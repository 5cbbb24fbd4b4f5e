using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Risk;

/// <summary>Platform-wide exposure: totals by symbol, broker and user, and the largest users.</summary>
public sealed record ExposureSummary(
    decimal TotalNotional,
    ImmutableDictionary<string, decimal> BySymbol,
    ImmutableDictionary<string, decimal> ByBroker,
    ImmutableArray<UserExposure> TopUsers,
    long Version);

/// <summary>A user's total notional.</summary>
public sealed record UserExposure(string UserId, decimal Notional);
