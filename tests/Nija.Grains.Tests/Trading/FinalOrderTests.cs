using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Grains.Tests.History;
using Nija.Grains.Tests.Support;
using Nija.Grains.Trading;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Trading;

/// <summary>Final orders leave the trading grain's state for the history, and still read, list and replay as before.</summary>
public sealed class FinalOrderTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, string?> NoCooldown = GrainSilo.WithoutTradeProtections();

    private static PlaceOrderRequest Buy(string? clientOrderId = null) => new("paper", "SOL-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 40m, ClientOrderId: clientOrderId);

    [Fact]
    public async Task Open_orders_list_first_then_final_ones_most_recent_first_across_the_outbox_and_the_history()
    {
        var store = new RecordingHistoryStore();
        var time = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(time, s => s.AddSingleton<IHistoryStore>(store), NoCooldown);
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("lister");
        var resting = (await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Buy, OrderType.Limit, SizeUsd: 40m, LimitPrice: 1m))).Order;
        var first = (await trading.PlaceOrder(Buy())).Order;
        var second = (await trading.PlaceOrder(Buy())).Order;
        time.Advance(TimeSpan.FromSeconds(1));
        await store.NextAppendAsync(); // the first two final orders are in the history now; the next two wait in the outbox
        var third = (await trading.PlaceOrder(Buy())).Order;
        var fourth = (await trading.PlaceOrder(Buy())).Order;

        var all = await trading.GetOrders(null, 0, 10);
        var acrossTheBoundary = await trading.GetOrders(null, 2, 2);
        var open = await trading.GetOrders(OrderStatus.Submitted, 0, 10);
        var filled = await trading.GetOrders(OrderStatus.Filled, 1, 10);

        Assert.Equal([resting.Id, fourth.Id, third.Id, second.Id, first.Id], all.Select(o => o.Id));
        Assert.Equal([third.Id, second.Id], acrossTheBoundary.Select(o => o.Id));
        Assert.Equal([resting.Id], open.Select(o => o.Id));
        Assert.Equal([third.Id, second.Id, first.Id], filled.Select(o => o.Id));
        Assert.Equal(first.Fills.ToArray(), all[^1].Fills.ToArray());
    }

    [Fact]
    public async Task A_final_order_reads_by_id_from_the_history_and_never_for_another_user()
    {
        var store = new RecordingHistoryStore();
        var time = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(time, s => s.AddSingleton<IHistoryStore>(store), NoCooldown);
        var placed = (await silo.GrainFactory.GetGrain<ITradingGrain>("owner").PlaceOrder(Buy())).Order;
        time.Advance(TimeSpan.FromSeconds(1));
        await store.NextAppendAsync();

        var read = await silo.GrainFactory.GetGrain<ITradingGrain>("owner").GetOrder(placed.Id);

        Assert.NotNull(read);
        Assert.Equal(placed with { Fills = [] }, read with { Fills = [] });
        Assert.Equal(placed.Fills.ToArray(), read.Fills.ToArray());
        Assert.Null(await silo.GrainFactory.GetGrain<ITradingGrain>("intruder").GetOrder(placed.Id));
        Assert.False(await silo.GrainFactory.GetGrain<ITradingGrain>("owner").CancelOrder(placed.Id));
    }

    [Fact]
    public async Task A_client_order_id_retried_after_a_restart_replays_its_first_order_from_the_sqlite_history()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        await using var silo = await GrainSilo.StartOnSqliteAsync(dir, new ManualTimeProvider(), NoCooldown);
        var placed = (await silo.GrainFactory.GetGrain<ITradingGrain>("retrier").PlaceOrder(Buy("my-order-1"))).Order;
        for (var i = 0; i < 3; i++)
        {
            await silo.GrainFactory.GetGrain<ITradingGrain>("retrier").PlaceOrder(Buy());
        }

        await silo.RestartAsync();
        var retried = await silo.GrainFactory.GetGrain<ITradingGrain>("retrier").PlaceOrder(Buy("my-order-1"));
        var fresh = await silo.GrainFactory.GetGrain<ITradingGrain>("retrier").PlaceOrder(Buy("my-order-2"));

        Assert.True(retried.Replayed);
        Assert.Equal(placed.Id, retried.Order.Id);
        Assert.Equal(placed.Fills.ToArray(), retried.Order.Fills.ToArray());
        Assert.False(fresh.Replayed);
        Assert.Equal(5, (await silo.GrainFactory.GetGrain<ITradingGrain>("retrier").GetOrders(null, 0, 100)).Length);
    }

    [Fact]
    public async Task Final_orders_kept_by_a_state_written_before_they_left_it_move_whole_into_their_history_rows()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        await using var silo = await GrainSilo.StartOnSqliteAsync(dir, new ManualTimeProvider(), NoCooldown);
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("legacy");
        var kept = new[] { (await trading.PlaceOrder(Buy("kept-1"))).Order, (await trading.PlaceOrder(Buy())).Order };
        await trading.AppendHistory();
        await silo.DeactivateAsync(trading);
        await WriteAsThePreviousVersionDidAsync(Path.Combine(dir, "nija.db"), "legacy", kept);

        var read = await trading.GetOrder(kept[0].Id);
        var listed = await trading.GetOrders(null, 0, 10);
        var retried = await trading.PlaceOrder(Buy("kept-1"));

        Assert.NotNull(read);
        Assert.Equal(kept[0] with { Fills = [] }, read with { Fills = [] });
        Assert.Equal(kept[0].Fills.ToArray(), read.Fills.ToArray());
        Assert.Equal([kept[1].Id, kept[0].Id], listed.Select(o => o.Id));
        Assert.True(retried.Replayed);
        Assert.Empty((await ReadStateAsync(Path.Combine(dir, "nija.db"), "legacy"))["orders"]!.AsArray());
    }

    // History schema 2 stored no view, and the state kept its final orders (archived) beside the open ones.
    private static async Task WriteAsThePreviousVersionDidAsync(string database, string userId, IEnumerable<OrderView> finalOrders)
    {
        var state = await ReadStateAsync(database, userId);
        state["orders"] = JsonSerializer.SerializeToNode(finalOrders.Select(o => new OrderState
        {
            Id = o.Id, ClientOrderId = o.ClientOrderId, Broker = o.Broker, Symbol = o.Symbol, Side = o.Side, Type = o.Type, Status = o.Status,
            Quantity = o.Quantity, CreatedAt = o.CreatedAt, UpdatedAt = o.UpdatedAt, Fills = [.. o.Fills], Archived = true,
        }).ToList(), Web);
        await using var db = new SqliteConnection($"Data Source={database}");
        await db.OpenAsync();
        await using var rows = db.CreateCommand();
        rows.CommandText = "UPDATE nija_orders SET view = NULL WHERE user_id = $u; UPDATE nija_grain_state SET payload = $p, payload_codec = 0 WHERE grain_type = 'trading' AND grain_key = $u";
        rows.Parameters.AddWithValue("$u", userId);
        rows.Parameters.AddWithValue("$p", JsonSerializer.SerializeToUtf8Bytes(state, Web));
        Assert.Equal(3, await rows.ExecuteNonQueryAsync());
    }

    private static async Task<JsonObject> ReadStateAsync(string database, string userId)
    {
        await using var db = new SqliteConnection($"Data Source={database}");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT payload, payload_codec FROM nija_grain_state WHERE grain_type = 'trading' AND grain_key = $u";
        read.Parameters.AddWithValue("$u", userId);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var payload = (byte[])reader.GetValue(0);
        var json = reader.GetInt64(1) == 3 ? Snappier.Snappy.DecompressToArray(payload) : payload;
        return JsonNode.Parse(json)!.AsObject();
    }
}
