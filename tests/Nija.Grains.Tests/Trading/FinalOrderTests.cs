using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Grains.Hosting;
using Nija.Grains.Onboarding;
using Nija.Grains.Tests.History;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Trading;

/// <summary>Final orders leave the trading grain's state for the history, and still read, list and replay as before.</summary>
public sealed class FinalOrderTests
{
    private static readonly Dictionary<string, string?> NoCooldown = new() { ["Nija:Protections:CooldownMinutes"] = "0", ["Nija:Protections:LowProfitPairsTradeLimit"] = "0" };

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
        var settings = new Dictionary<string, string?>(NoCooldown) { ["Nija:DataDir"] = dir };
        await using var silo = await TestSilo.StartAsync(
            s => s.AddGrains(typeof(OnboardingGrain).Assembly).UseSqlite(o => o.DataDir = dir).AddTradingServices(), settings: settings, time: new ManualTimeProvider());
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
}
