using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.Grains.History;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.History;

/// <summary>What every history store must do; one subclass per engine.</summary>
public abstract class HistoryStoreConformance : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _user = "u-" + Guid.NewGuid().ToString("N")[..8];

    protected IHistoryStore Store { get; private set; } = null!;

    protected abstract Task<IHistoryStore> CreateAsync();

    public async Task InitializeAsync() => Store = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable d)
        {
            await d.DisposeAsync();
        }
    }

    private HistoryBatch Batch(long seq, decimal pnl) => new(
        [new FillRecord(_user, seq, $"o{seq}", "ETH-USD", OrderSide.Sell, new Fill(3_000.12345678m, 0.01m, 0.03m, false, T0.AddMinutes(seq)))],
        [],
        [new TradeRecord(_user, seq + 1, $"o{seq}", "ETH-USD", T0.AddMinutes(seq), pnl, pnl / 100m, false)],
        [new RiskEventRecord(_user, seq + 2, seq % 2 == 0 ? "MaxPositionSize" : "Cooldown", $"event {seq}", T0.AddMinutes(seq))],
        [new EquityRecord(_user, seq + 3, T0.AddMinutes(seq), 1_000m + pnl, 900m)]);

    [Fact]
    public async Task Each_account_has_its_own_equity_curve()
    {
        await Store.AppendAsync(Batch(10, 5.5m), default);
        await Store.AppendAsync(new HistoryBatch([], [], [], [], [new EquityRecord(_user, 40, T0.AddMinutes(1), 987.65m, 900.1m, "binance")]), default);

        var paper = await Store.GetEquityAsync(_user, EquityRecord.Paper, T0, T0.AddDays(1), default);
        var binance = await Store.GetEquityAsync(_user, "binance", T0, T0.AddDays(1), default);

        Assert.Equal([1_005.5m], paper.Select(e => e.Equity));
        Assert.Equal(new EquityRecord(_user, 40, T0.AddMinutes(1), 987.65m, 900.1m, "binance"), Assert.Single(binance));
    }

    private OrderView FinalOrder(int n, OrderStatus status, string? clientOrderId = null) => new(
        $"{_user}-{n}", clientOrderId, n % 2 == 0 ? "paper" : "binance", "ETH-USD", OrderSide.Buy, OrderType.Limit, status, 0.02m,
        status == OrderStatus.Filled ? 0.02m : 0m, status == OrderStatus.Filled ? 2_999.5m : 0m, 3_000m, null, 0.06m,
        status == OrderStatus.Rejected ? "MaxPositionSize: too large" : null, T0.AddMinutes(n).AddTicks(1_234), T0.AddMinutes(n + 1).AddTicks(5_678),
        status == OrderStatus.Filled ? [new Fill(2_999m, 0.01m, 0.03m, true, T0.AddMinutes(n).AddTicks(42)), new Fill(3_000m, 0.01m, 0.03m, false, T0.AddMinutes(n + 1))] : []);

    private static void AssertSameOrder(OrderView expected, OrderView? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Fills = [] }, actual with { Fills = [] });
        Assert.Equal(expected.Fills.ToArray(), actual.Fills.ToArray()); // ImmutableArray's own Equals compares references
    }

    [Fact]
    public async Task Final_orders_read_back_whole_newest_first_by_status_by_id_and_by_client_order_id()
    {
        var orders = new[] { FinalOrder(1, OrderStatus.Filled, "mine-1"), FinalOrder(2, OrderStatus.Rejected), FinalOrder(3, OrderStatus.Filled), FinalOrder(4, OrderStatus.Canceled, "mine-4") };
        await Store.AppendAsync(new HistoryBatch([], [.. orders.Select((o, i) => new OrderRecord(_user, 100 + i, o))], [], [], []), default);
        await Store.AppendAsync(new HistoryBatch([], [new OrderRecord("someone-else", 100, FinalOrder(9, OrderStatus.Filled, "mine-1"))], [], [], []), default);

        var all = await Store.GetOrdersAsync(_user, null, 0, 10, default);
        var filled = await Store.GetOrdersAsync(_user, OrderStatus.Filled, 0, 10, default);
        var second = await Store.GetOrdersAsync(_user, null, 1, 2, default);

        Assert.Equal([orders[3].Id, orders[2].Id, orders[1].Id, orders[0].Id], all.Select(o => o.Id));
        AssertSameOrder(orders[0], all[3]);
        Assert.Equal([orders[2].Id, orders[0].Id], filled.Select(o => o.Id));
        Assert.Equal([orders[2].Id, orders[1].Id], second.Select(o => o.Id));
        AssertSameOrder(orders[1], await Store.FindOrderAsync(_user, orders[1].Id, null, default));
        AssertSameOrder(orders[3], await Store.FindOrderAsync(_user, null, "mine-4", default));
        AssertSameOrder(orders[0], await Store.FindOrderAsync(_user, null, "mine-1", default));
        Assert.Null(await Store.FindOrderAsync(_user, "someone-else-9", null, default));
        Assert.Null(await Store.FindOrderAsync(_user, null, "nobody's", default));
    }

    [Fact]
    public async Task Appended_history_reads_back_exactly_newest_first()
    {
        await Store.AppendAsync(Batch(10, 5.5m), default);
        await Store.AppendAsync(Batch(20, -2.25m), default);

        var trades = await Store.GetTradesAsync(_user, 0, 10, default);
        var fills = await Store.GetFillsAsync(_user, 0, 10, default);

        Assert.Equal([-2.25m, 5.5m], trades.Select(t => t.Pnl));
        Assert.Equal(new Fill(3_000.12345678m, 0.01m, 0.03m, false, T0.AddMinutes(20)), fills[0].Fill);
        Assert.Equal([1_005.5m, 997.75m], (await Store.GetEquityAsync(_user, EquityRecord.Paper, T0, T0.AddDays(1), default)).Select(e => e.Equity));
    }

    [Fact]
    public async Task Appending_the_same_batch_twice_stores_it_once()
    {
        await Store.AppendAsync(Batch(10, 1m), default);
        await Store.AppendAsync(Batch(10, 1m), default);

        Assert.Single(await Store.GetTradesAsync(_user, 0, 10, default));
        Assert.Single(await Store.GetFillsAsync(_user, 0, 10, default));
    }

    [Fact]
    public async Task Risk_events_filter_by_user_and_rule_and_page()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.AppendAsync(Batch(10 * (i + 1), i), default);
        }

        var rule = await Store.GetRiskEventsAsync(new RiskEventFilter(_user, "MaxPositionSize"), 0, 100, default);
        var page = await Store.GetRiskEventsAsync(new RiskEventFilter(_user), 2, 2, default);

        Assert.Equal(6, rule.Count);
        Assert.Equal(["event 40", "event 30"], page.Select(r => r.Detail));
        Assert.Empty(await Store.GetRiskEventsAsync(new RiskEventFilter("somebody-else"), 0, 100, default));
    }

    [Fact]
    public async Task Risk_events_filter_by_time_and_totals_count_only_what_came_after()
    {
        // Totals span every user: compare before and after, so that an earlier run against the same database does not count.
        var later = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddYears(60).ToUnixTimeMilliseconds());
        var before = await Store.GetTotalsSinceAsync(later.AddHours(1), default);
        await Store.AppendAsync(new HistoryBatch([], [],
            [new TradeRecord(_user, 1, "o1", "ETH-USD", later, 4m, 0.04m, false), new TradeRecord(_user, 2, "o2", "ETH-USD", later.AddHours(2), -1.5m, -0.01m, false)],
            [new RiskEventRecord(_user, 3, "Cooldown", "early", later), new RiskEventRecord(_user, 4, "Cooldown", "late", later.AddHours(2))],
            []), default);

        var late = await Store.GetRiskEventsAsync(new RiskEventFilter(_user, From: later.AddHours(1)), 0, 10, default);
        var early = await Store.GetRiskEventsAsync(new RiskEventFilter(_user, To: later.AddHours(1)), 0, 10, default);
        var totals = await Store.GetTotalsSinceAsync(later.AddHours(1), default);

        Assert.Equal(["late"], late.Select(r => r.Detail));
        Assert.Equal(["early"], early.Select(r => r.Detail));
        Assert.Equal(new TradeTotals(1, -1.5m, 1), new TradeTotals(totals.Trades - before.Trades, totals.Pnl - before.Pnl, totals.RiskEvents - before.RiskEvents));
    }
}

public sealed class MemoryHistoryStoreTests : HistoryStoreConformance
{
    protected override Task<IHistoryStore> CreateAsync() => Task.FromResult<IHistoryStore>(new MemoryHistoryStore());
}

public sealed class SqliteHistoryStoreTests : HistoryStoreConformance
{
    protected override async Task<IHistoryStore> CreateAsync()
    {
        var store = new SqlHistoryStore(SqlTestDialects.NewSqlite());
        await store.MigrateAsync(default);
        return store;
    }
}

public sealed class PostgreSqlHistoryStoreTests : HistoryStoreConformance
{
    protected override async Task<IHistoryStore> CreateAsync()
    {
        var store = new SqlHistoryStore(SqlTestDialects.Postgres());
        await store.MigrateAsync(default);
        return store;
    }
}
