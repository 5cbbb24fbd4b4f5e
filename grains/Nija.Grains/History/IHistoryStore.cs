using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.History;

/// <summary>
/// Append-only history of fills, final orders, trades, equity and risk events (PostgreSQL or
/// SQLite, or memory for tests), read in pages. Appends are idempotent per (user, sequence).
/// </summary>
public interface IHistoryStore
{
    Task AppendAsync(HistoryBatch batch, CancellationToken cancellationToken);

    Task<IReadOnlyList<TradeRecord>> GetTradesAsync(string userId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>The user's final orders, the most recently final first, optionally of one status.</summary>
    Task<IReadOnlyList<OrderView>> GetOrdersAsync(string userId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken);

    /// <summary>One of the user's final orders by its id or, when no id is given, by the client order id it was placed with; null if not stored.</summary>
    Task<OrderView?> FindOrderAsync(string userId, string? orderId, string? clientOrderId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives final orders appended before their whole view was stored (history schema 2) that view, so that they
    /// read back; an order already complete is left alone.
    /// </summary>
    Task CompleteOrdersAsync(string userId, IReadOnlyList<OrderView> orders, CancellationToken cancellationToken);

    Task<IReadOnlyList<FillRecord>> GetFillsAsync(string userId, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<EquityRecord>> GetEquityAsync(string userId, string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Risk events, newest first, optionally for one user and/or rule.</summary>
    Task<IReadOnlyList<RiskEventRecord>> GetRiskEventsAsync(RiskEventFilter filter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Trades closed and risk events raised since <paramref name="since"/>, across the platform.</summary>
    Task<TradeTotals> GetTotalsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
