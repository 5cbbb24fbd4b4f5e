using System.Collections.Immutable;
using Nija.GrainInterfaces.Backtests;
using Nija.GrainInterfaces.Bots;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Backtests;
using Nija.Grains.Exchange;
using Nija.Grains.Protections;
using Nija.Grains.Risk;
using Nija.Grains.Strategies;
using Nija.Grains.Tests.Support;
using Nija.Grains.Trading;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Backtests;

public sealed class BacktestTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A swinging series that takes RSI through both thresholds several times.</summary>
    private static ImmutableArray<decimal> Swings(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Math.Round(100m + 8m * (decimal)Math.Sin(i / 6.0) + 0.3m * (i % 3), 4))];

    private static BacktestEngine Engine() => new(new OrderProcessor(new PaperExchange(new PaperExchangeOptions()), new RiskOptions(), new ProtectionOptions()));

    [Fact]
    public void The_apex_strategy_trades_a_swinging_market_and_the_report_adds_up()
    {
        var series = Swings(400).Select((p, i) => new PricePoint("SIM-USD", p, Start.AddMinutes(i))).ToList();

        var report = Engine().Run(new ApexDualRsiStrategy(), series, UserSettings.Default);

        Assert.True(report.Stats.Trades >= 3, $"only {report.Stats.Trades} trades");
        Assert.Equal(report.Fills.Count(f => f.Side == OrderSide.Sell) > 0, report.Stats.Trades > 0);
        Assert.Equal(report.Equity[^1].Equity - report.Equity[0].Equity, report.Stats.TotalPnl);
        Assert.Equal(report.Fills.Sum(f => f.Fill.Price * f.Fill.Quantity), report.Stats.Volume);
        Assert.InRange(report.Stats.WinRatePct, 0, 100);
    }

    [Fact]
    public void The_same_series_gives_the_same_report_every_time()
    {
        var series = PriceSeries.Simulated("BTC-USD", 2_000, seed: 11, Start);

        var first = Engine().Run(new ApexDualRsiStrategy(), series, UserSettings.Default);
        var again = Engine().Run(new ApexDualRsiStrategy(), series, UserSettings.Default);

        Assert.Equal(first.Fills.AsEnumerable(), again.Fills.AsEnumerable());
        Assert.Equal((first.Stats.TotalPnl, first.Stats.Trades, first.Stats.Sharpe), (again.Stats.TotalPnl, again.Stats.Trades, again.Stats.Sharpe));
    }

    [Fact]
    public async Task A_paper_bot_and_a_backtest_over_the_same_ticks_give_identical_fills()
    {
        var time = new ManualTimeProvider(Start);
        await using var silo = await GrainSilo.StartAsync(time);
        var user = "twin";
        await silo.GrainFactory.GetGrain<ITradingGrain>(user).SetPlan(PlanTier.Pro);
        var bot = silo.GrainFactory.GetGrain<IBotGrain>(user);
        await bot.Start("apex-dual-rsi", ["SIM-USD"]);
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>("SIM-USD");
        var prices = Swings(150);
        var ticks = new List<PricePoint>();

        for (var i = 0; i < prices.Length; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            ticks.Add(new PricePoint("SIM-USD", prices[i], time.GetUtcNow()));
            await market.Publish(prices[i]);
            while ((await bot.Status()).PricesSeen < i + 1)
            {
                await Task.Yield(); // the tick reaches the bot through its stream; wait for it, then send the next
            }
        }

        var live = (await silo.GrainFactory.GetGrain<ITradingGrain>(user).GetOrders(null, 0, 1_000)).Reverse().SelectMany(o => o.Fills.Select(f => (o.Side, f))).ToList();
        var backtest = Engine().Run(new ApexDualRsiStrategy(), ticks, UserSettings.Default, PlanTier.Pro);

        Assert.NotEmpty(live);
        Assert.Equal(backtest.Fills.Select(f => (f.Side, f.Fill)).TakeLast(live.Count), live);
        var account = await silo.GrainFactory.GetGrain<ITradingGrain>(user).GetAccount();
        Assert.Equal(Cash(backtest), account.Cash);
    }

    // Cash after the backtest's fills, from the starting 1,000 USD.
    private static decimal Cash(BacktestReport report) =>
        1_000m + report.Fills.Sum(f => f.Side == OrderSide.Buy ? -(f.Fill.Price * f.Fill.Quantity + f.Fill.Fee) : f.Fill.Price * f.Fill.Quantity - f.Fill.Fee);

    [Fact]
    public void Ohlcv_and_binance_kline_csv_read_the_close_and_the_time()
    {
        var ohlcv = PriceSeries.FromCsv("X-USD", new StringReader("time,open,high,low,close,volume\n2026-01-01T00:00:00Z,1,2,0.5,1.5,10\n1767225660,1.5,2,1,1.75,3\n"));
        var kline = PriceSeries.FromCsv("BTC-USD", new StringReader("1767225600000,60000.0,60100.0,59900.0,60050.5,12.3,1767225659999,738000,120,6.1,366000,0\n"));

        Assert.Equal([1.5m, 1.75m], ohlcv.Select(p => p.Price));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero), ohlcv[1].At);
        Assert.Equal((60050.5m, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), (kline[0].Price, kline[0].At));
    }

    [Fact]
    public void A_malformed_csv_row_is_refused_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => PriceSeries.FromCsv("X-USD", new StringReader("time,open,high,low,close\n2026-01-01T00:00:00Z,1,2,3,-4\n")));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backtest_grain_runs_a_simulated_series_and_refuses_an_unknown_strategy()
    {
        await using var silo = await GrainSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IBacktestGrain>(0);

        var report = await grain.Run(new BacktestRequest("apex-dual-rsi", "ETH-USD", Steps: 1_000));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.Run(new BacktestRequest("moon-shot", "ETH-USD")));

        Assert.Equal(1_000, report.Prices);
        Assert.Equal("strategy", error.ParamName);
    }
}
