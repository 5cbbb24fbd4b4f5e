using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.MarketData;
using Nija.Grains.Exchange;
using Nija.Grains.MarketData;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.MarketData;

/// <summary>Nija:MarketData:StepInterval: the simulated feed moving by itself, on the platform clock.</summary>
public sealed class FeedStepTests
{
    private const string Symbol = "ETH-USD";

    [Fact]
    public async Task With_a_step_interval_the_simulated_feed_steps_by_itself_on_the_clock()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(clock, settings: new Dictionary<string, string?> { ["Nija:MarketData:StepInterval"] = "00:00:01" });
        var ticks = await WatchAsync(silo);
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>(Symbol);
        await market.GetLastPrice();
        var seen = new List<decimal>();

        // The next step is timed from the end of the previous one, so each second waits for its tick,
        // then for a call to the grain: the turn after the tick's finds the next step armed.
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            seen.Add((await ticks.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Price);
            await market.GetLastPrice();
        }

        var expected = ExpectedSteps(3);
        Assert.Equal(expected, seen);
        Assert.Equal(expected[^1], await market.GetLastPrice());
    }

    [Fact]
    public async Task Without_a_step_interval_the_price_moves_only_when_moved()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(clock);
        var ticks = await WatchAsync(silo);
        var market = silo.GrainFactory.GetGrain<IMarketDataGrain>(Symbol);
        await market.GetLastPrice();

        clock.Advance(TimeSpan.FromMinutes(10));
        var stepped = await market.Step(1);

        // Had the clock stepped the feed, the explicit step would have been its second.
        Assert.Equal(ExpectedSteps(1)[0], (await ticks.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Price);
        Assert.Equal(ExpectedSteps(1)[0], stepped);
    }

    [Fact]
    public async Task A_step_interval_below_a_tenth_of_a_second_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() =>
            GrainSilo.StartAsync(settings: new Dictionary<string, string?> { ["Nija:MarketData:StepInterval"] = "00:00:00.05" }));

        Assert.Contains("Nija:MarketData:StepInterval", error.Message, StringComparison.Ordinal);
    }

    private static List<decimal> ExpectedSteps(int count)
    {
        var feed = new SimulatedPriceFeed(SimulatedPriceFeed.StartPrice(Symbol), StableSeed.Of(new PaperExchangeOptions().Seed, Symbol));
        return [.. Enumerable.Range(0, count).Select(_ => feed.Next())];
    }

    private static async Task<ChannelReader<Tick>> WatchAsync(TestSilo silo)
    {
        var channel = Channel.CreateUnbounded<Tick>();
        await silo.Services.GetRequiredService<IStreamProvider>().GetStream<Tick>(new StreamId("ticks", Symbol)).SubscribeAsync((tick, _) =>
            channel.Writer.WriteAsync(tick).AsTask());
        return channel.Reader;
    }
}
