using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.Runtime.Sql;
using static Nija.Grains.History.SqlQueries;

namespace Nija.Grains.History;

/// <summary>
/// The history in PostgreSQL or SQLite: one append-only table per kind, unique on (user, sequence),
/// inserts that ignore a sequence already present, and group commit across users. Final orders are
/// stored whole (a JSON view beside the columns), since the trading grain keeps only working ones.
/// </summary>
public sealed class SqlHistoryStore : IHistoryStore
{
    private readonly SqlDialect _dialect;

    public SqlHistoryStore(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
    }

    public static IReadOnlyList<string> Migrations(SqlDialect d) =>
    [
        $"""
        CREATE TABLE nija_fills (id {d.IdentityColumn}, user_id TEXT NOT NULL, seq BIGINT NOT NULL, order_id TEXT NOT NULL, symbol TEXT NOT NULL,
            side TEXT NOT NULL, price {d.DecimalType} NOT NULL, quantity {d.DecimalType} NOT NULL, fee {d.DecimalType} NOT NULL, is_maker BOOLEAN NOT NULL,
            at_ms BIGINT NOT NULL, UNIQUE (user_id, seq));
        CREATE TABLE nija_orders (id {d.IdentityColumn}, user_id TEXT NOT NULL, seq BIGINT NOT NULL, order_id TEXT NOT NULL, client_order_id TEXT NULL,
            symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, quantity {d.DecimalType} NOT NULL,
            filled {d.DecimalType} NOT NULL, average_price {d.DecimalType} NOT NULL, fees {d.DecimalType} NOT NULL, reject_reason TEXT NULL,
            created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL, UNIQUE (user_id, seq));
        CREATE TABLE nija_trades (id {d.IdentityColumn}, user_id TEXT NOT NULL, seq BIGINT NOT NULL, order_id TEXT NOT NULL, symbol TEXT NOT NULL,
            closed_ms BIGINT NOT NULL, pnl {d.DecimalType} NOT NULL, profit_ratio {d.DecimalType} NOT NULL, by_stop BOOLEAN NOT NULL, UNIQUE (user_id, seq));
        CREATE TABLE nija_equity (id {d.IdentityColumn}, user_id TEXT NOT NULL, seq BIGINT NOT NULL, at_ms BIGINT NOT NULL,
            equity {d.DecimalType} NOT NULL, cash {d.DecimalType} NOT NULL, UNIQUE (user_id, seq));
        CREATE TABLE nija_risk_events (id {d.IdentityColumn}, user_id TEXT NOT NULL, seq BIGINT NOT NULL, rule TEXT NOT NULL, detail TEXT NOT NULL,
            at_ms BIGINT NOT NULL, UNIQUE (user_id, seq));
        CREATE INDEX ix_nija_risk_rule ON nija_risk_events (rule, at_ms);
        CREATE INDEX ix_nija_risk_at ON nija_risk_events (at_ms);
        """,
        // Live exchange accounts have their own equity curve beside the paper account's.
        "ALTER TABLE nija_equity ADD COLUMN account TEXT NOT NULL DEFAULT 'paper';",
        // Final orders leave the trading grain's state for this table, so it keeps each one whole (broker, prices,
        // fills) and is read by id and by client order id (the retry check); few orders carry a client id.
        """
        ALTER TABLE nija_orders ADD COLUMN view TEXT NULL;
        CREATE INDEX ix_nija_orders_order ON nija_orders (user_id, order_id);
        CREATE INDEX ix_nija_orders_client ON nija_orders (user_id, client_order_id) WHERE client_order_id IS NOT NULL;
        """,
    ];

    public Task MigrateAsync(CancellationToken cancellationToken) => SqlSchemaMigrator.MigrateAsync(_dialect, "history", Migrations(_dialect), cancellationToken);

    // Rows go into the database's shared write transaction; a sequence already stored is skipped, so an append
    // retried after a crash writes nothing twice. They are built here, on the caller's thread (views serialized,
    // decimals formatted): the single writer's time is what bounds the order rate.
    public Task AppendAsync(HistoryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = new List<(string, (string, object?)[])>(batch.Fills.Count + batch.Orders.Count + batch.Trades.Count + batch.Equity.Count + batch.RiskEvents.Count);
        foreach (var f in batch.Fills)
        {
            rows.Add(Row(FillsInsert, f.UserId, f.Seq, f.OrderId, f.Symbol, f.Side.ToString(), f.Fill.Price, f.Fill.Quantity, f.Fill.Fee, f.Fill.IsMaker, f.Fill.At.ToUnixTimeMilliseconds()));
        }

        foreach (var (userId, seq, v) in batch.Orders)
        {
            rows.Add(Row(OrdersInsert,
                userId, seq, v.Id, v.ClientOrderId, v.Symbol, v.Side.ToString(), v.Type.ToString(), v.Status.ToString(), v.Quantity, v.FilledQuantity,
                v.AveragePrice, v.Fees, v.RejectReason, v.CreatedAt.ToUnixTimeMilliseconds(), v.UpdatedAt.ToUnixTimeMilliseconds(), JsonSerializer.Serialize(v, ViewJson)));
        }

        foreach (var t in batch.Trades)
        {
            rows.Add(Row(TradesInsert, t.UserId, t.Seq, t.OrderId, t.Symbol, t.ClosedAt.ToUnixTimeMilliseconds(), t.Pnl, t.ProfitRatio, t.ByStop));
        }

        foreach (var e in batch.Equity)
        {
            rows.Add(Row(EquityInsert, e.UserId, e.Seq, e.At.ToUnixTimeMilliseconds(), e.Equity, e.Cash, e.Account));
        }

        foreach (var r in batch.RiskEvents)
        {
            rows.Add(Row(RiskEventsInsert, r.UserId, r.Seq, r.Rule, r.Detail, r.At.ToUnixTimeMilliseconds()));
        }

        var pending = new PendingStatements(rows);
        _dialect.Writes.Enqueue(pending);
        return pending.Done.Task;
    }

    public Task<IReadOnlyList<TradeRecord>> GetTradesAsync(string userId, int skip, int take, CancellationToken cancellationToken) =>
        QueryAsync("SELECT user_id, seq, order_id, symbol, closed_ms, pnl, profit_ratio, by_stop FROM nija_trades WHERE user_id = @u ORDER BY seq DESC LIMIT @take OFFSET @skip",
            c => Bind(c, ("u", userId), ("take", take), ("skip", skip)),
            r => new TradeRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Ms(r, 4), Dec(r, 5), Dec(r, 6), r.GetBoolean(7)), cancellationToken);

    public Task<IReadOnlyList<OrderView>> GetOrdersAsync(string userId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT view FROM nija_orders WHERE user_id = @u AND view IS NOT NULL{(status is null ? "" : " AND status = @s")} ORDER BY seq DESC LIMIT @take OFFSET @skip",
            c => Bind(c, ("u", userId), ("take", take), ("skip", skip), ("s", status?.ToString())),
            ReadView, cancellationToken);

    public async Task<OrderView?> FindOrderAsync(string userId, string? orderId, string? clientOrderId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT view FROM nija_orders WHERE user_id = @u AND {(orderId is null ? "client_order_id" : "order_id")} = @id AND view IS NOT NULL ORDER BY seq DESC LIMIT 1",
            c => Bind(c, ("u", userId), ("id", orderId ?? clientOrderId)), ReadView, cancellationToken)).FirstOrDefault();

    public Task CompleteOrdersAsync(string userId, IReadOnlyList<OrderView> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var pending = new PendingStatements([.. orders.Select(o => (CompleteOrder, new (string, object?)[] { ("@u", userId), ("@o", o.Id), ("@v", JsonSerializer.Serialize(o, ViewJson)) }))]);
        _dialect.Writes.Enqueue(pending);
        return pending.Done.Task;
    }

    public Task<IReadOnlyList<FillRecord>> GetFillsAsync(string userId, int skip, int take, CancellationToken cancellationToken) =>
        QueryAsync("SELECT user_id, seq, order_id, symbol, side, price, quantity, fee, is_maker, at_ms FROM nija_fills WHERE user_id = @u ORDER BY seq DESC LIMIT @take OFFSET @skip",
            c => Bind(c, ("u", userId), ("take", take), ("skip", skip)),
            r => new FillRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Enum.Parse<OrderSide>(r.GetString(4)),
                new Fill(Dec(r, 5), Dec(r, 6), Dec(r, 7), r.GetBoolean(8), Ms(r, 9))), cancellationToken);

    public Task<IReadOnlyList<EquityRecord>> GetEquityAsync(string userId, string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync("SELECT user_id, seq, at_ms, equity, cash, account FROM nija_equity WHERE user_id = @u AND account = @a AND at_ms BETWEEN @f AND @t ORDER BY seq",
            c => Bind(c, ("u", userId), ("a", account), ("f", from.ToUnixTimeMilliseconds()), ("t", to.ToUnixTimeMilliseconds())),
            r => new EquityRecord(r.GetString(0), r.GetInt64(1), Ms(r, 2), Dec(r, 3), Dec(r, 4), r.GetString(5)), cancellationToken);

    public Task<IReadOnlyList<RiskEventRecord>> GetRiskEventsAsync(RiskEventFilter filter, int skip, int take, CancellationToken cancellationToken) =>
        QueryAsync("SELECT user_id, seq, rule, detail, at_ms FROM nija_risk_events WHERE (@u IS NULL OR user_id = @u) AND (@r IS NULL OR rule = @r) " +
                   "AND at_ms >= @f AND at_ms <= @t ORDER BY at_ms DESC, seq DESC LIMIT @take OFFSET @skip",
            c => Bind(c, ("u", filter.UserId), ("r", filter.Rule), ("f", (filter.From ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds()),
                ("t", (filter.To ?? DateTimeOffset.MaxValue).ToUnixTimeMilliseconds()), ("take", take), ("skip", skip)),
            r => new RiskEventRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Ms(r, 4)), cancellationToken);

    public async Task<TradeTotals> GetTotalsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ms = since.ToUnixTimeMilliseconds();
        var rows = await QueryAsync("SELECT (SELECT COUNT(*) FROM nija_trades WHERE closed_ms >= @s), (SELECT SUM(pnl) FROM nija_trades WHERE closed_ms >= @s), " +
                                    "(SELECT COUNT(*) FROM nija_risk_events WHERE at_ms >= @s)",
            c => Bind(c, ("s", ms)),
            r => new TradeTotals(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.IsDBNull(1) ? 0m : Dec(r, 1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture)),
            cancellationToken);
        return rows[0];
    }

    // The stored view: camelCase JSON, with every timestamp to the tick (the columns keep milliseconds).
    private static readonly JsonSerializerOptions ViewJson = new(JsonSerializerDefaults.Web);

    private const string CompleteOrder = "UPDATE nija_orders SET view = @v WHERE user_id = @u AND order_id = @o AND view IS NULL";

    private static OrderView ReadView(DbDataReader r) =>
        JsonSerializer.Deserialize<OrderView>(r.GetString(0), ViewJson) ?? throw new InvalidDataException("An order row without its view.");

    private object? Value(object? value) => value is decimal d && _dialect.DecimalType == "TEXT" ? d.ToString(CultureInfo.InvariantCulture) : value;

    // Every row of a table is the same statement: its text and parameter names are built once, not per row.
    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 16).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))];
    private static readonly string FillsInsert = InsertInto("nija_fills (user_id, seq, order_id, symbol, side, price, quantity, fee, is_maker, at_ms)");
    private static readonly string OrdersInsert = InsertInto("nija_orders (user_id, seq, order_id, client_order_id, symbol, side, type, status, quantity, filled, average_price, fees, reject_reason, created_ms, updated_ms, view)");
    private static readonly string TradesInsert = InsertInto("nija_trades (user_id, seq, order_id, symbol, closed_ms, pnl, profit_ratio, by_stop)");
    private static readonly string EquityInsert = InsertInto("nija_equity (user_id, seq, at_ms, equity, cash, account)");
    private static readonly string RiskEventsInsert = InsertInto("nija_risk_events (user_id, seq, rule, detail, at_ms)");

    private static string InsertInto(string table) =>
        $"INSERT INTO {table} VALUES ({string.Join(", ", ParameterNames.Take(table.Count(ch => ch == ',') + 1))}) ON CONFLICT (user_id, seq) DO NOTHING";

    private (string, (string, object?)[]) Row(string sql, params object?[] values)
    {
        var parameters = new (string, object?)[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i] = (ParameterNames[i], Value(values[i]));
        }

        return (sql, parameters);
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        SqlQueries.QueryAsync(_dialect, sql, bind, read, cancellationToken);
}
