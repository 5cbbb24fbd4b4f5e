namespace Nija.GrainInterfaces.Backtests;

/// <summary>One price of one symbol (a candle's close, or a tick).</summary>
public sealed record PricePoint(string Symbol, decimal Price, DateTimeOffset At);
