using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.History;

/// <summary>Reads a user's history (key: the user id): trades and the equity curve, in pages.</summary>
public interface IUserHistoryGrain : IGrainWithStringKey
{
    Task<ImmutableArray<TradeRecord>> GetTrades(int skip, int take);

    /// <summary>The equity snapshots of one account ("paper", or an exchange such as "binance") between two times, oldest first.</summary>
    Task<ImmutableArray<EquityRecord>> GetEquity(string account, DateTimeOffset from, DateTimeOffset to);

    Task<ImmutableArray<FillRecord>> GetFills(int skip, int take);
}

/// <summary>Risk events across the platform (a stateless worker; any key), for admins.</summary>
public interface IRiskEventsGrain : IGrainWithIntegerKey
{
    Task<ImmutableArray<RiskEvent>> Query(string? userId, string? rule, DateTimeOffset? from, DateTimeOffset? to, int skip, int take);

    /// <summary>Trades closed since <paramref name="since"/>: how many and their P&amp;L.</summary>
    Task<TradeTotals> TradesSince(DateTimeOffset since);
}

/// <summary>A count of trades and their realised P&amp;L.</summary>
public sealed record TradeTotals(int Trades, decimal Pnl, int RiskEvents);
