namespace Nija.GrainInterfaces.MarketData;

/// <summary>A price at a time.</summary>
public sealed record Tick(string Symbol, decimal Price, DateTimeOffset At);
