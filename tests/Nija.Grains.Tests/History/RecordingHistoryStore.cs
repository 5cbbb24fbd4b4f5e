using System.Threading.Channels;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.Grains.History;

namespace Nija.Grains.Tests.History;

/// <summary>The in-memory history store, announcing each append so that a test can wait for it.</summary>
public sealed class RecordingHistoryStore : IHistoryStore
{
    private readonly MemoryHistoryStore _inner = new();
    private readonly Channel<HistoryBatch> _appends = Channel.CreateUnbounded<HistoryBatch>();

    public ChannelReader<HistoryBatch> Appends => _appends.Reader;

    public async Task AppendAsync(HistoryBatch batch, CancellationToken cancellationToken)
    {
        await _inner.AppendAsync(batch, cancellationToken);
        await _appends.Writer.WriteAsync(batch, cancellationToken);
    }

    public Task<IReadOnlyList<TradeRecord>> GetTradesAsync(string userId, int skip, int take, CancellationToken cancellationToken) =>
        _inner.GetTradesAsync(userId, skip, take, cancellationToken);

    public Task<IReadOnlyList<FillRecord>> GetFillsAsync(string userId, int skip, int take, CancellationToken cancellationToken) =>
        _inner.GetFillsAsync(userId, skip, take, cancellationToken);

    public Task<IReadOnlyList<OrderView>> GetOrdersAsync(string userId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken) =>
        _inner.GetOrdersAsync(userId, status, skip, take, cancellationToken);

    public Task<OrderView?> FindOrderAsync(string userId, string? orderId, string? clientOrderId, CancellationToken cancellationToken) =>
        _inner.FindOrderAsync(userId, orderId, clientOrderId, cancellationToken);

    public Task CompleteOrdersAsync(string userId, IReadOnlyList<OrderView> orders, CancellationToken cancellationToken) =>
        _inner.CompleteOrdersAsync(userId, orders, cancellationToken);

    public Task<IReadOnlyList<EquityRecord>> GetEquityAsync(string userId, string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        _inner.GetEquityAsync(userId, account, from, to, cancellationToken);

    public Task<IReadOnlyList<RiskEventRecord>> GetRiskEventsAsync(RiskEventFilter filter, int skip, int take, CancellationToken cancellationToken) =>
        _inner.GetRiskEventsAsync(filter, skip, take, cancellationToken);

    public Task<TradeTotals> GetTotalsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        _inner.GetTotalsSinceAsync(since, cancellationToken);

    /// <summary>The next append, waited for (never more than 10 s).</summary>
    public async Task<HistoryBatch> NextAppendAsync() => await _appends.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
