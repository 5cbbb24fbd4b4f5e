using Nija.Grains.Brokers;

namespace Nija.Grains.Trading;

/// <summary>
/// What a live order is checked against besides the tenant's limits: the exchange's rules for the
/// symbol, or why the exchange could not be read (then nothing is sent). <see cref="BrokerFailed"/>
/// says whether that counts toward the auto-disable (a missing key does not; a failing exchange does).
/// </summary>
public sealed record LiveVenue(SymbolRules? Rules, string? Unavailable, bool BrokerFailed = false);
