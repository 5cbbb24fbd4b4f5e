using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Trading;

/// <summary>A user's paper account: cash, equity and open positions.</summary>
public sealed record AccountView(decimal Cash, decimal Equity, decimal EquityPeak, decimal RealizedPnl, ImmutableArray<PositionView> Positions);
