namespace Nija.Grains.Protections;

/// <summary>A position reduction that realised P&amp;L: what protections look back at.</summary>
/// <param name="Symbol">The pair.</param>
/// <param name="ClosedAt">When the selling order filled.</param>
/// <param name="Pnl">Realised P&amp;L in USD, fees included.</param>
/// <param name="ProfitRatio">P&amp;L over the cost of what was sold.</param>
/// <param name="ByStop">Closed by a stop-loss or trailing stop.</param>
public sealed record ClosedTrade(string Symbol, DateTimeOffset ClosedAt, decimal Pnl, decimal ProfitRatio, bool ByStop);
