namespace Nija.GrainInterfaces.Trading;

/// <summary>
/// A user's account on one real exchange as Nija manages it: cash is the exchange's balance of the
/// quote asset as last read and moved by Nija's fills since; equity adds Nija's
/// positions there at their marks.
/// </summary>
public sealed record ExchangeAccountView(string Broker, decimal Cash, decimal Equity, decimal EquityPeak, decimal RealizedPnl, int OpenPositions, DateTimeOffset? BalanceReadAt);
