namespace Nija.GrainInterfaces.MarketData;

/// <summary>A one-minute candle built from ticks (volume is the number of ticks: the feeds carry no traded size).</summary>
public sealed record Candle(string Symbol, DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, int Ticks);
