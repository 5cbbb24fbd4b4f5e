using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nija.GrainInterfaces.Brokers;
using Nija.Grains.Brokers;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

using Nija.Tests.Shared.Exchanges;

namespace Nija.Grains.Tests.Brokers;

public sealed class BrokerGuardTests
{
    private static Dictionary<string, string?> Budget(string broker, double perSecond, double burst, Uri? baseUrl = null) => new()
    {
        [$"Nija:BrokerGuard:Budgets:{broker}:PerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Nija:BrokerGuard:Budgets:{broker}:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Nija:Brokers:Binance:BaseUrl"] = baseUrl?.ToString(),
        ["Nija:DataDir"] = Directory.CreateTempSubdirectory().FullName,
    };

    [Fact]
    public async Task The_request_budget_is_a_token_bucket_that_refills_with_time()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(clock, settings: Budget("testex", perSecond: 2, burst: 3));
        var broker = silo.GrainFactory.GetGrain<IBrokerGrain>("testex");

        var burst = new[] { await broker.Acquire(1), await broker.Acquire(1), await broker.Acquire(1) };
        var refused = await broker.Acquire(1);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var refilled = await broker.Acquire(1);
        var heavy = await broker.Acquire(5);

        Assert.All(burst, p => Assert.True(p.Granted));
        Assert.False(refused.Granted);
        Assert.Equal(TimeSpan.FromMilliseconds(500), refused.RetryAfter);
        Assert.True(refilled.Granted);
        Assert.False(heavy.Granted); // more than the burst can ever hold now
    }

    [Fact]
    public async Task Failures_open_the_circuit_which_half_opens_after_the_pause_and_closes_on_a_good_probe()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(clock, settings: Budget("flaky", 100, 100));
        var broker = silo.GrainFactory.GetGrain<IBrokerGrain>("flaky");

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await broker.Acquire(1)).Granted);
            await broker.Report(false, "-1001");
        }

        var whileOpen = await broker.Acquire(1);
        clock.Advance(TimeSpan.FromSeconds(30));
        var probe = await broker.Acquire(1);
        var secondDuringProbe = await broker.Acquire(1);
        await broker.Report(false, "-1001"); // the probe fails: open again
        var reopened = await broker.Acquire(1);
        clock.Advance(TimeSpan.FromSeconds(30));
        var probeAgain = await broker.Acquire(1);
        await broker.Report(true, null);

        Assert.False(whileOpen.Granted);
        Assert.Equal(TimeSpan.FromSeconds(30), whileOpen.RetryAfter);
        Assert.True(probe.Granted);
        Assert.False(secondDuringProbe.Granted);
        Assert.False(reopened.Granted);
        Assert.True(probeAgain.Granted);
        Assert.Equal(CircuitState.Closed, (await broker.Health()).Circuit);
    }

    [Fact]
    public async Task A_failing_exchange_is_not_called_again_once_its_circuit_is_open()
    {
        var calls = 0;
        await using var exchange = await FakeExchangeServer.StartAsync(app => app.MapGet("/sapi/v1/account/apiRestrictions", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Json(new { code = -1001, msg = "Internal error; unable to process your request. Please try again." }, statusCode: 503);
        }));
        await using var silo = await GrainSilo.StartAsync(settings: Budget("binance", 100, 100, exchange.BaseAddress));
        var credentials = silo.GrainFactory.GetGrain<IBrokerCredentialsGrain>("unlucky");

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ExchangeException>(() => credentials.Add("binance", "BINANCEKEY-0001", "BINANCE-SECRET-0001", null));
        }

        var refused = await Assert.ThrowsAsync<ExchangeException>(() => credentials.Add("binance", "BINANCEKEY-0001", "BINANCE-SECRET-0001", null));

        Assert.Equal(5, calls);
        Assert.Equal("unavailable", refused.Code);
        Assert.Equal(CircuitState.Open, (await silo.GrainFactory.GetGrain<IBrokerGrain>("binance").Health()).Circuit);
    }

    [Fact]
    public async Task A_refused_request_such_as_a_bad_key_does_not_count_against_the_exchange()
    {
        await using var exchange = await FakeExchangeServer.StartAsync(app => app.MapGet("/sapi/v1/account/apiRestrictions", () =>
            Results.Json(new { code = -2015, msg = "Invalid API-key, IP, or permissions for action." }, statusCode: 401)));
        await using var silo = await GrainSilo.StartAsync(settings: Budget("binance", 100, 100, exchange.BaseAddress));
        var credentials = silo.GrainFactory.GetGrain<IBrokerCredentialsGrain>("typo");

        for (var i = 0; i < 7; i++)
        {
            await Assert.ThrowsAsync<ExchangeException>(() => credentials.Add("binance", "BINANCEKEY-0001", "BINANCE-SECRET-0001", null));
        }

        Assert.Equal(CircuitState.Closed, (await silo.GrainFactory.GetGrain<IBrokerGrain>("binance").Health()).Circuit);
    }
}
