using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Lifecycle;

public sealed class GrainTimerTests
{
    [Fact]
    public async Task A_timer_tick_never_overlaps_the_previous_one_and_the_period_counts_from_its_end()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(1));
        await probe.WaitFor("tick-start:1");
        time.Advance(TimeSpan.FromSeconds(10)); // tick 1 is still running: no second tick may start
        Assert.Equal(1, probe.Count("tick-start:"));

        probe.Open("tick-1");
        await probe.WaitFor("tick-end:1");
        // A call served after the tick's turn: by then the next tick is armed, one period from the tick's end.
        Assert.True(await grain.NextTickArmed());
        time.Advance(TimeSpan.FromSeconds(1));
        await probe.WaitFor("tick-start:2");
        probe.Open("tick-2");
        await probe.WaitFor("tick-end:2");

        Assert.Equal(1, probe.MaxConcurrency("tick"));
    }

    [Fact]
    public async Task A_call_served_after_a_tick_finds_the_next_tick_armed()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("armed");
        await grain.Start(TimeSpan.FromSeconds(1));

        // One step per tick, no retries: a call queued behind a tick must find the next one armed.
        for (var n = 1; n <= 2; n++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await probe.WaitFor($"tick-start:{n}").WaitAsync(TimeSpan.FromSeconds(10));
            var armed = grain.NextTickArmed();
            probe.Open($"tick-{n}");
            Assert.True(await armed);
        }
    }

    [Fact]
    public async Task A_timer_dies_with_its_activation()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("dies");
        await grain.Start(TimeSpan.FromSeconds(1));

        await silo.DeactivateAsync(grain);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, probe.Count("tick-start:"));
    }

    [Fact]
    public async Task A_dormant_timer_fires_only_once_armed_and_a_one_shot_fires_once()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<IOneShotTimerGrain>("once");
        await grain.CreateDormant();

        time.Advance(TimeSpan.FromMinutes(10)); // less than the idle collection age: the activation (and its timer) stays
        Assert.Equal(0, probe.Count("fired"));
        await grain.Arm(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        await probe.WaitFor("fired");
        time.Advance(TimeSpan.FromMinutes(10));
        await grain.Arm(TimeSpan.FromMinutes(1)); // a turn after the tick: any second tick would have run by now

        Assert.Equal(1, probe.Count("fired"));
    }
}
