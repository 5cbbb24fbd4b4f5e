using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Lifecycle;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_reminder_period_under_one_minute_is_refused()
    {
        await using var silo = await Silos.StartAsync(new Probe());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            silo.GrainFactory.GetGrain<IReminderGrain>("fast").Start("too-fast", TimeSpan.Zero, TimeSpan.FromSeconds(30)));
        Assert.False(await silo.GrainFactory.GetGrain<IReminderGrain>("fast").Has("too-fast"));
    }

    [Fact]
    public async Task A_reminder_ticks_every_period_and_activates_its_grain_each_time_it_is_needed()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("periodic");
        await grain.Start("every-minute", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await silo.DeactivateAsync(grain);

        time.Advance(TimeSpan.FromMinutes(1));
        await probe.WaitFor("tick:periodic:every-minute:00:01");
        // One step of the clock: a grain that has seen a tick finds the next one already armed.
        time.Advance(TimeSpan.FromMinutes(1));
        await probe.WaitFor("tick:periodic:every-minute:00:02");

        Assert.Equal(2, probe.Count("tick:periodic"));
    }

    [Fact]
    public async Task An_unregistered_reminder_stops_ticking()
    {
        var time = new ManualTimeProvider();
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("stopped");
        await grain.Start("r", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        await grain.Stop("r");
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, probe.Count("tick:stopped"));
        Assert.False(await grain.Has("r"));
    }
}
