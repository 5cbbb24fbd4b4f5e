namespace Nija.GrainInterfaces.Brokers;

/// <summary>A balance of one asset on an exchange account, in the exchange's own asset name.</summary>
public sealed record ExchangeBalance(string Asset, decimal Free, decimal Locked);
