using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Concurrency;

public sealed class ResponseTimeoutTests
{
    [Fact]
    public async Task A_call_without_a_response_fails_after_the_default_thirty_seconds_with_a_TimeoutException()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("slow");

        var call = grain.WaitLong("never");
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("IGateGrain.WaitLong", error.Message, StringComparison.Ordinal);
        Assert.Contains("gate/slow", error.Message, StringComparison.Ordinal);
        probe.Open("never");
    }

    [Fact]
    public async Task A_method_with_its_own_response_timeout_fails_after_that_timeout()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("short");

        var call = grain.WaitShort("never");
        time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        probe.Open("never");
    }

    [Fact]
    public async Task The_default_timeout_comes_from_configuration()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time,
            settings: new Dictionary<string, string?> { ["Nija:Silo:DefaultResponseTimeout"] = "00:00:05" });

        var call = silo.GrainFactory.GetGrain<IGateGrain>("cfg").WaitLong("never");
        time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        probe.Open("never");
    }
}
