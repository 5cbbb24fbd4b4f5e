using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Risk;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.Trading;

public sealed class KillSwitchTests
{
    private static PlaceOrderRequest Buy(decimal usd = 50m) => new("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: usd);

    private static PlaceOrderRequest Sell(decimal quantity) => new("paper", "ETH-USD", OrderSide.Sell, OrderType.Market, Quantity: quantity);

    [Fact]
    public async Task Pause_blocks_new_entries_but_lets_a_position_be_reduced()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("pauser");
        var bought = await trading.PlaceOrder(Buy());

        await trading.SetKillSwitch(KillSwitchLevel.Pause, "cooling off", "pauser");
        var entry = await trading.PlaceOrder(Buy());
        var exit = await trading.PlaceOrder(Sell(bought.Order.FilledQuantity / 2));

        Assert.StartsWith("UserKillSwitch", entry.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Filled, exit.Order.Status);
    }

    [Fact]
    public async Task Stop_blocks_every_order_and_cancels_working_ones()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("stopper");
        var bought = await trading.PlaceOrder(Buy());
        var working = await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Sell, OrderType.Limit, Quantity: bought.Order.FilledQuantity, LimitPrice: 1_000_000m));

        await trading.SetKillSwitch(KillSwitchLevel.Stop, "incident", "admin");
        var exit = await trading.PlaceOrder(Sell(bought.Order.FilledQuantity));

        Assert.StartsWith("UserKillSwitch", exit.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Canceled, (await trading.GetOrders(null, 0, 10)).Single(o => o.Id == working.Order.Id).Status);
    }

    [Fact]
    public async Task Flatten_closes_every_position_at_market_and_resume_allows_trading_again()
    {
        var time = new Nija.Runtime.Testing.ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(time);
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("flattener");
        await trading.PlaceOrder(Buy());
        await trading.PlaceOrder(new PlaceOrderRequest("paper", "BTC-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 50m));

        await trading.SetKillSwitch(KillSwitchLevel.Flatten, "get out", "admin");
        Assert.Empty((await trading.GetAccount()).Positions);

        var resumed = await trading.SetKillSwitch(KillSwitchLevel.Off, "all clear", "admin");
        time.Advance(TimeSpan.FromMinutes(3)); // past the cooldown the closing trades started
        Assert.Equal(2, resumed.Version);
        var after = await trading.PlaceOrder(Buy());
        Assert.True(after.Order.Status == OrderStatus.Filled, after.Order.RejectReason);
        Assert.Equal(2, (await trading.GetRiskEvents(10)).Count(e => e.Rule == "UserKillSwitch"));
    }

    [Fact]
    public async Task The_global_emergency_stop_blocks_every_tenant_at_once_and_its_resume_lifts_it()
    {
        await using var silo = await GrainSilo.StartAsync();
        var global = silo.GrainFactory.GetGrain<IGlobalRiskGrain>("global");

        var sw = Stopwatch.StartNew();
        await global.SetKillSwitch(KillSwitchLevel.Stop, "exchange outage", "founder");
        var blocked = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => silo.GrainFactory.GetGrain<ITradingGrain>($"tenant-{i}").PlaceOrder(Buy())));
        sw.Stop();

        Assert.All(blocked, r => Assert.StartsWith("GlobalKillSwitch", r.Order.RejectReason, StringComparison.Ordinal));
        await global.SetKillSwitch(KillSwitchLevel.Off, "resolved", "founder");
        Assert.Equal(OrderStatus.Filled, (await silo.GrainFactory.GetGrain<ITradingGrain>("tenant-0").PlaceOrder(Buy())).Order.Status);
    }

    [Fact]
    public async Task The_global_switch_survives_a_restart()
    {
        await using var silo = await GrainSilo.StartAsync();
        await silo.GrainFactory.GetGrain<IGlobalRiskGrain>("global").SetKillSwitch(KillSwitchLevel.Pause, "maintenance", "founder");

        await silo.RestartAsync();
        var entry = await silo.GrainFactory.GetGrain<ITradingGrain>("after-restart").PlaceOrder(Buy());

        Assert.StartsWith("GlobalKillSwitch", entry.Order.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_global_flatten_closes_every_holders_positions_and_leaves_their_own_switches_off()
    {
        await using var silo = await GrainSilo.StartAsync();
        var holders = Enumerable.Range(0, 3).Select(i => silo.GrainFactory.GetGrain<ITradingGrain>($"holder-{i}")).ToList();
        foreach (var holder in holders)
        {
            await holder.PlaceOrder(Buy());
        }

        await silo.Services.GetRequiredService<ExposureFlusher>().FlushAsync();
        await silo.GrainFactory.GetGrain<IGlobalRiskGrain>("global").SetKillSwitch(KillSwitchLevel.Flatten, "venue compromised", "founder");

        foreach (var holder in holders)
        {
            Assert.Empty((await holder.GetAccount()).Positions);
            Assert.Equal(KillSwitchLevel.Off, (await holder.GetKillSwitch()).Level);
            Assert.Contains(await holder.GetRiskEvents(10), e => e.Rule == "GlobalKillSwitch");
        }
    }

    [Fact]
    public async Task A_position_the_global_grain_had_not_heard_of_is_closed_at_its_next_tick()
    {
        await using var silo = await GrainSilo.StartAsync();
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>("ETH-USD");
        await market.Publish(3_000m);
        var late = silo.GrainFactory.GetGrain<ITradingGrain>("late-holder");
        await late.PlaceOrder(Buy());

        // No exposure flush: the global grain does not know this position.
        await silo.GrainFactory.GetGrain<IGlobalRiskGrain>("global").SetKillSwitch(KillSwitchLevel.Flatten, "venue compromised", "founder");
        Assert.NotEmpty((await late.GetAccount()).Positions);
        await market.Publish(3_010m);

        for (var i = 0; i < 2_000 && !(await late.GetAccount()).Positions.IsEmpty; i++)
        {
            await Task.Yield(); // ticks arrive through the grain's stream subscription: poll its state
        }

        Assert.Empty((await late.GetAccount()).Positions);
    }
}
