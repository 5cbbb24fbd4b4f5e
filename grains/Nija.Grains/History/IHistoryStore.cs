using Nija.GrainInterfaces.History;

namespace Nija.Grains.History;

/// <summary>
/// Append-only history of fills, final orders, trades, equity and risk events (PostgreSQL or
/// SQLite, or memory for tests), read in pages. Appends are idempotent per (user, sequence).
/// </summary>
public interface IHistoryStore
{
    Task AppendAsync(HistoryBatch batch, CancellationToken cancellationToken);

    Task<IReadOnlyList<TradeRecord>> GetTradesAsync(string userId, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<FillRecord>> GetFillsAsync(string userId, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<EquityRecord>> GetEquityAsync(string userId, string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Risk events, newest first, optionally for one user and/or rule.</summary>
    Task<IReadOnlyList<RiskEventRecord>> GetRiskEventsAsync(RiskEventFilter filter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Trades closed and risk events raised since <paramref name="since"/>, across the platform.</summary>
    Task<TradeTotals> GetTotalsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
