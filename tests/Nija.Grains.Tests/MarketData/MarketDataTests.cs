using Nija.GrainInterfaces.Backtests;
using Nija.GrainInterfaces.MarketData;
using Nija.Grains.Backtests;
using Nija.Grains.MarketData;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.MarketData;

public sealed class MarketDataTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ticks_fold_into_one_minute_candles_on_utc_minute_boundaries()
    {
        var builder = new CandleBuilder("X-USD");
        foreach (var (price, seconds) in new[] { (10m, 5), (12m, 20), (9m, 40), (11m, 59), (13m, 60), (12m, 125) })
        {
            builder.Add(price, T0.AddSeconds(seconds));
        }

        Assert.Equal(
            [new Candle("X-USD", T0, 10m, 12m, 9m, 11m, 4), new Candle("X-USD", T0.AddMinutes(1), 13m, 13m, 13m, 13m, 1), new Candle("X-USD", T0.AddMinutes(2), 12m, 12m, 12m, 12m, 1)],
            builder.Candles);
    }

    [Fact]
    public void The_simulated_feed_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        var a = PriceSeries.Simulated("BTC-USD", 500, 3, T0).Select(p => p.Price).ToList();
        var b = PriceSeries.Simulated("BTC-USD", 500, 3, T0).Select(p => p.Price).ToList();
        var c = PriceSeries.Simulated("BTC-USD", 500, 4, T0).Select(p => p.Price).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, p => Assert.True(p > 0));
    }

    [Fact]
    public async Task A_csv_replay_publishes_each_price_with_its_own_time_and_builds_candles()
    {
        await using var silo = await GrainSilo.StartAsync();
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>("BTC-USD");
        var series = PriceSeries.FromCsv("BTC-USD", new StringReader("time,open,high,low,close,volume\n2026-05-05T10:00:00Z,1,1,1,60000,1\n2026-05-05T10:01:00Z,1,1,1,60100,1\n2026-05-05T10:02:00Z,1,1,1,59900,1\n"));

        var last = await market.Replay([.. series]);
        var candles = await market.GetCandles(10);

        Assert.Equal(59_900m, last);
        Assert.Equal(59_900m, await market.GetLastPrice());
        Assert.Equal([60_000m, 60_100m, 59_900m], candles.Select(c => c.Close));
        await Assert.ThrowsAsync<ArgumentException>(() => market.Replay([new PricePoint("ETH-USD", 1m, T0)]));
    }

    [Fact]
    public async Task Stepping_the_feed_publishes_the_seeded_path()
    {
        await using var silo = await GrainSilo.StartAsync();

        var last = await silo.GrainFactory.GetGrain<IMarketDataGrain>("ETH-USD").Step(10);

        Assert.Equal(PriceSeries.Simulated("ETH-USD", 10, Nija.Grains.Exchange.StableSeed.Of(new Nija.Grains.Exchange.PaperExchangeOptions().Seed, "ETH-USD"), T0)[^1].Price, last);
    }
}
