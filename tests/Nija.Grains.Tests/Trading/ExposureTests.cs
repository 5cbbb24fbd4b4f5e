using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Risk;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Trading;

public sealed class ExposureTests
{
    private static PlaceOrderRequest Buy(string symbol, decimal usd) => new("paper", symbol, OrderSide.Buy, OrderType.Market, SizeUsd: usd);

    [Fact]
    public async Task Exposure_is_aggregated_per_silo_and_reaches_the_global_risk_grain_in_one_batch_a_second()
    {
        var time = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(time);
        await silo.GrainFactory.GetGrain<ITradingGrain>("big").PlaceOrder(Buy("ETH-USD", 90m));
        await silo.GrainFactory.GetGrain<ITradingGrain>("small").PlaceOrder(Buy("ETH-USD", 30m));
        await silo.GrainFactory.GetGrain<ITradingGrain>("small").PlaceOrder(Buy("BTC-USD", 40m));
        var global = silo.GrainFactory.GetGrain<IGlobalRiskGrain>("global");
        Assert.Equal(0m, (await global.GetExposure(10)).TotalNotional); // nothing sent per order

        await silo.Services.GetRequiredService<ExposureFlusher>().FlushAsync();
        var summary = await global.GetExposure(10);

        Assert.InRange(summary.BySymbol["ETH-USD"], 119m, 120m);
        Assert.InRange(summary.BySymbol["BTC-USD"], 39m, 40m);
        Assert.Equal(["big", "small"], summary.TopUsers.Select(u => u.UserId)); // big 90 before small 70
        Assert.Equal(summary.BySymbol.Values.Sum(), summary.TotalNotional);
        Assert.Equal("paper", Assert.Single(summary.ByBroker).Key);
    }

    [Fact]
    public async Task An_order_reports_only_the_exposure_it_changed_and_a_closed_position_reports_zero()
    {
        var time = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(time, settings: new Dictionary<string, string?> { ["Nija:Protections:CooldownMinutes"] = "0" });
        var reporter = silo.Services.GetRequiredService<ExposureReporter>();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("mover");
        await trading.PlaceOrder(Buy("ETH-USD", 90m));
        var btc = await trading.PlaceOrder(Buy("BTC-USD", 40m));
        reporter.TakeBatch();

        await trading.PlaceOrder(Buy("BTC-USD", 40m));
        var second = reporter.TakeBatch();
        await trading.PlaceOrder(new PlaceOrderRequest("paper", "BTC-USD", OrderSide.Sell, OrderType.Market, Quantity: (await trading.GetAccount()).Positions.Single(p => p.Symbol == "BTC-USD").Quantity));
        var closed = reporter.TakeBatch();

        Assert.Equal("BTC-USD", Assert.Single(second).Symbol); // ETH did not move
        Assert.True(Assert.Single(second).Notional > btc.Order.FilledQuantity * btc.Order.AveragePrice);
        Assert.Equal(("BTC-USD", 0m), (Assert.Single(closed).Symbol, Assert.Single(closed).Notional));
    }

    [Fact]
    public void The_reporter_keeps_what_the_silo_holds_for_full_reports_and_a_failed_batch_never_overwrites_newer_values()
    {
        var reporter = new ExposureReporter();
        var t = DateTimeOffset.UnixEpoch;
        reporter.Record(new ExposureEntry("a", "paper", "ETH-USD", 50m, t));
        reporter.Record(new ExposureEntry("b", "paper", "ETH-USD", 20m, t));
        var failed = reporter.TakeBatch();
        reporter.Record(new ExposureEntry("a", "paper", "ETH-USD", 0m, t.AddSeconds(1)));

        reporter.Restore(failed);
        var next = reporter.TakeBatch();

        Assert.Equal([0m, 20m], next.OrderBy(e => e.UserId).Select(e => e.Notional));
        Assert.Equal("b", Assert.Single(reporter.Snapshot()).UserId);
    }

    [Fact]
    public async Task A_closed_position_leaves_the_aggregate()
    {
        await using var silo = await GrainSilo.StartAsync();
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("roundtrip");
        var flusher = silo.Services.GetRequiredService<ExposureFlusher>();
        var bought = await trading.PlaceOrder(Buy("SOL-USD", 50m));
        await flusher.FlushAsync();

        await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Sell, OrderType.Market, Quantity: bought.Order.FilledQuantity));
        await flusher.FlushAsync();

        Assert.Equal(0m, (await silo.GrainFactory.GetGrain<IGlobalRiskGrain>("global").GetExposure(10)).TotalNotional);
    }

    [Fact]
    public async Task An_entry_that_would_take_the_platform_past_a_symbol_limit_is_rejected()
    {
        await using var silo = await GrainSilo.StartAsync(settings: new Dictionary<string, string?> { ["Nija:Risk:SymbolExposureLimitsUsd:ETH-USD"] = "150" });
        var flusher = silo.Services.GetRequiredService<ExposureFlusher>();
        await silo.GrainFactory.GetGrain<ITradingGrain>("first").PlaceOrder(Buy("ETH-USD", 100m));
        await flusher.FlushAsync();

        var second = await silo.GrainFactory.GetGrain<ITradingGrain>("second").PlaceOrder(Buy("ETH-USD", 60m));
        var other = await silo.GrainFactory.GetGrain<ITradingGrain>("second").PlaceOrder(Buy("BTC-USD", 60m));

        Assert.StartsWith("SymbolExposureLimit", second.Order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Filled, other.Order.Status);
    }
}
