namespace Nija.Grains.Brokers;

/// <summary>What a key may do, as the exchange reports it; Known is false where the exchange does not say.</summary>
public sealed record ExchangePermissions(bool Known, bool CanTrade, bool CanWithdraw);
