using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.History;

/// <summary>The history in memory: tests, benchmarks and the Memory storage choice.</summary>
public sealed class MemoryHistoryStore : IHistoryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, long), object> _seen = [];
    private readonly List<FillRecord> _fills = [];
    private readonly List<OrderRecord> _orders = [];
    private readonly List<TradeRecord> _trades = [];
    private readonly List<EquityRecord> _equity = [];
    private readonly List<RiskEventRecord> _risk = [];

    public Task AppendAsync(HistoryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            Add(_fills, batch.Fills, f => (f.UserId, f.Seq));
            Add(_trades, batch.Trades, t => (t.UserId, t.Seq));
            Add(_equity, batch.Equity, e => (e.UserId, e.Seq));
            Add(_risk, batch.RiskEvents, r => (r.UserId, r.Seq));
            Add(_orders, batch.Orders, o => (o.UserId, o.Seq));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TradeRecord>> GetTradesAsync(string userId, int skip, int take, CancellationToken cancellationToken) =>
        Read(() => _trades.Where(t => t.UserId == userId).OrderByDescending(t => t.Seq).Skip(skip).Take(take));

    public Task<IReadOnlyList<OrderView>> GetOrdersAsync(string userId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken) =>
        Read(() => _orders.Where(o => o.UserId == userId && (status is null || o.Order.Status == status)).OrderByDescending(o => o.Seq).Skip(skip).Take(take).Select(o => o.Order));

    public async Task<OrderView?> FindOrderAsync(string userId, string? orderId, string? clientOrderId, CancellationToken cancellationToken) =>
        (await Read(() => _orders.Where(o => o.UserId == userId && (orderId is not null ? o.Order.Id == orderId : clientOrderId is not null && o.Order.ClientOrderId == clientOrderId))
            .OrderByDescending(o => o.Seq).Take(1).Select(o => o.Order))).FirstOrDefault();

    // Memory never stored an order without its view.
    public Task CompleteOrdersAsync(string userId, IReadOnlyList<OrderView> orders, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<FillRecord>> GetFillsAsync(string userId, int skip, int take, CancellationToken cancellationToken) =>
        Read(() => _fills.Where(f => f.UserId == userId).OrderByDescending(f => f.Seq).Skip(skip).Take(take));

    public Task<IReadOnlyList<EquityRecord>> GetEquityAsync(string userId, string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Read(() => _equity.Where(e => e.UserId == userId && e.Account == account && e.At >= from && e.At <= to).OrderBy(e => e.Seq));

    public Task<IReadOnlyList<RiskEventRecord>> GetRiskEventsAsync(RiskEventFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Read(() => _risk.Where(r => (filter.UserId is null || r.UserId == filter.UserId) && (filter.Rule is null || r.Rule == filter.Rule)
                && (filter.From is null || r.At >= filter.From) && (filter.To is null || r.At <= filter.To))
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Seq).Skip(skip).Take(take));
    }

    public Task<TradeTotals> GetTotalsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var trades = _trades.Where(t => t.ClosedAt >= since).ToList();
            return Task.FromResult(new TradeTotals(trades.Count, trades.Sum(t => t.Pnl), _risk.Count(r => r.At >= since)));
        }
    }

    private void Add<T>(List<T> into, IEnumerable<T> items, Func<T, (string, long)> key) where T : notnull
    {
        foreach (var item in items)
        {
            if (_seen.TryAdd(key(item), item))
            {
                into.Add(item);
            }
        }
    }

    private Task<IReadOnlyList<T>> Read<T>(Func<IEnumerable<T>> query)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<T>>([.. query()]);
        }
    }
}
