using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.History;

public sealed class DeferredHistoryAppendTests
{
    private static readonly Dictionary<string, string?> NoCooldown = GrainSilo.WithoutTradeProtections();

    private static PlaceOrderRequest Buy(decimal usd = 40m) => new("paper", "SOL-USD", OrderSide.Buy, OrderType.Market, SizeUsd: usd);

    private static async Task<(TestSilo Silo, RecordingHistoryStore Store, ManualTimeProvider Time)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var store = new RecordingHistoryStore();
        var time = new ManualTimeProvider();
        var all = new Dictionary<string, string?>(NoCooldown);
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        var silo = await GrainSilo.StartAsync(time, s => s.AddSingleton<IHistoryStore>(store), all);
        return (silo, store, time);
    }

    [Fact]
    public async Task Fills_of_several_orders_wait_for_the_append_delay_and_then_reach_the_history_in_one_append()
    {
        var (silo, store, time) = await StartAsync();
        await using var _ = silo;
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("patient");

        await trading.PlaceOrder(Buy());
        await trading.PlaceOrder(Buy());

        Assert.False(store.Appends.TryRead(out var early), $"appended before the delay: {early}");
        time.Advance(TimeSpan.FromSeconds(1));
        var batch = await store.NextAppendAsync();
        Assert.Equal(2, batch.Fills.Count);
        Assert.Equal(2, (await store.GetFillsAsync("patient", 0, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_read_of_the_users_fills_sees_the_order_placed_just_before_it()
    {
        var (silo, _, _) = await StartAsync();
        await using var __ = silo;
        var placed = await silo.GrainFactory.GetGrain<ITradingGrain>("reader").PlaceOrder(Buy());

        var fills = await silo.GrainFactory.GetGrain<IUserHistoryGrain>("reader").GetFills(0, 10);

        Assert.Equal(placed.Order.Id, Assert.Single(fills).OrderId);
        Assert.Single(await silo.GrainFactory.GetGrain<IUserHistoryGrain>("reader").GetEquity(EquityRecord.Paper, DateTimeOffset.MinValue.AddYears(1), DateTimeOffset.MaxValue.AddYears(-1)));
    }

    [Fact]
    public async Task A_closing_trade_which_operators_read_across_tenants_is_appended_with_its_order()
    {
        var (silo, store, _) = await StartAsync();
        await using var _ = silo;
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("closer");
        var bought = await trading.PlaceOrder(Buy());

        await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Sell, OrderType.Market, Quantity: bought.Order.FilledQuantity));

        var batch = await store.NextAppendAsync(); // no clock moved: appended with the sale, the buy's waiting fill with it
        Assert.Single(batch.Trades);
        Assert.Equal(2, batch.Fills.Count);
    }

    [Fact]
    public async Task Waiting_records_are_appended_when_the_grain_is_deactivated()
    {
        var (silo, store, _) = await StartAsync();
        await using var _ = silo;
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("leaving");
        await trading.PlaceOrder(Buy());

        await silo.DeactivateAsync(trading);

        Assert.Single((await store.NextAppendAsync()).Fills);
    }

    [Fact]
    public async Task Records_are_appended_at_once_when_more_than_the_limit_wait()
    {
        var (silo, store, _) = await StartAsync(new() { ["Nija:History:MaxWaitingRecords"] = "2" });
        await using var _ = silo;

        await silo.GrainFactory.GetGrain<ITradingGrain>("crowded").PlaceOrder(Buy()); // a fill, an order record and an equity point

        Assert.True(store.Appends.TryRead(out var batch));
        Assert.Single(batch.Fills);
    }

    [Fact]
    public async Task A_zero_delay_appends_with_every_order()
    {
        var (silo, store, _) = await StartAsync(new() { ["Nija:History:AppendDelay"] = "00:00:00" });
        await using var _ = silo;

        await silo.GrainFactory.GetGrain<ITradingGrain>("eager").PlaceOrder(Buy());

        Assert.True(store.Appends.TryRead(out var batch));
        Assert.Single(batch.Fills);
    }

    [Fact]
    public async Task Each_fill_is_announced_once_however_long_it_waits_in_the_outbox()
    {
        var (silo, _, _) = await StartAsync();
        await using var _ = silo;
        var fills = Channel.CreateUnbounded<string>();
        await silo.Services.GetRequiredService<IStreamProvider>().GetStream<UserEvent>(new StreamId(UserEvent.StreamNamespace, "watched")).SubscribeAsync((e, _) =>
            e.Trade is { } t ? fills.Writer.WriteAsync(t.OrderId).AsTask() : Task.CompletedTask);
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("watched");

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await trading.PlaceOrder(Buy())).Order.Id);
        }

        var announced = new List<string>();
        while (announced.Count < 3 || announced[^1] != ids[^1])
        {
            announced.Add(await fills.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(ids, announced);
    }

    [Theory]
    [InlineData("-00:00:01", 60, "Nija:History:AppendDelay")]
    [InlineData("00:02:00", 60, "Nija:History:AppendDelay")]
    [InlineData("00:00:01", 0, "Nija:History:MaxWaitingRecords")]
    public void Bad_settings_are_refused_naming_the_setting(string delay, int maxWaiting, string setting)
    {
        var result = new HistoryOptionsValidator().Validate(null, new HistoryOptions { AppendDelay = TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture), MaxWaitingRecords = maxWaiting });

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
