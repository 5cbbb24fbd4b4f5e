using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Lifecycle;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task A_grain_idle_for_fifteen_minutes_is_deactivated_and_not_before()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        await silo.GrainFactory.GetGrain<IIdleGrain>("i1").Touch();

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, probe.Count("idle-gone:"));
        Assert.Equal(1, silo.Control.ActivationCount);

        time.Advance(TimeSpan.FromMinutes(2));
        await probe.WaitFor("idle-gone:i1:ActivationIdle");
    }

    [Fact]
    public async Task A_call_restarts_the_idle_clock()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<IIdleGrain>("busy");
        await grain.Touch();

        time.Advance(TimeSpan.FromMinutes(10));
        await grain.Touch();
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, probe.Count("idle-gone:"));
    }

    [Fact]
    public async Task A_grain_type_with_its_own_age_limit_is_collected_after_that_limit()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        await silo.GrainFactory.GetGrain<IShortLivedGrain>("s").Touch();
        await silo.GrainFactory.GetGrain<IIdleGrain>("long").Touch();

        time.Advance(TimeSpan.FromMinutes(3));

        await probe.WaitFor("short-gone:s:ActivationIdle");
        Assert.Equal(0, probe.Count("idle-gone:"));
    }

    [Fact]
    public async Task Configuration_overrides_the_age_limit_of_a_grain_type()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time,
            settings: new Dictionary<string, string?> { ["Nija:Silo:CollectionAgeLimits:idle"] = "00:05:00" });
        await silo.GrainFactory.GetGrain<IIdleGrain>("cfg").Touch();

        time.Advance(TimeSpan.FromMinutes(6));

        await probe.WaitFor("idle-gone:cfg:ActivationIdle");
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_grain_alive_for_the_time_asked()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        await silo.GrainFactory.GetGrain<IIdleGrain>("kept").Keep(TimeSpan.FromMinutes(30));

        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, probe.Count("idle-gone:"));

        time.Advance(TimeSpan.FromMinutes(11));
        await probe.WaitFor("idle-gone:kept:ActivationIdle");
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call_and_the_next_call_gets_a_new_activation()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IIdleGrain>("leaving");

        await grain.Leave();
        await probe.WaitFor("idle-gone:leaving:ApplicationRequested");
        await grain.Touch();

        Assert.Equal(1, silo.Control.ActivationCount);
    }
}
