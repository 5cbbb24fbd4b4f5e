using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Trading;

/// <summary>
/// A user's paper account (cash, equity, peak, realized P&amp;L), the open positions of every account
/// (each naming its broker), and the user's accounts on real exchanges.
/// </summary>
public sealed record AccountView(decimal Cash, decimal Equity, decimal EquityPeak, decimal RealizedPnl, ImmutableArray<PositionView> Positions,
    ImmutableArray<ExchangeAccountView> Exchanges);
