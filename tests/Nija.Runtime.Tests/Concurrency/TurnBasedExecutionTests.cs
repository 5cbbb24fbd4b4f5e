using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Concurrency;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_to_one_non_reentrant_grain_run_one_at_a_time_in_arrival_order()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("one");

        var calls = Enumerable.Range(0, 1000).Select(grain.Append).ToList();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 1000), await grain.Read());
        Assert.Equal(1, probe.MaxConcurrency("sequence/one"));
    }

    [Fact]
    public async Task ReadOnly_calls_interleave_with_each_other()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("ro");

        var first = grain.Read("r1");
        var second = grain.Read("r2");
        await probe.WaitUntil(e => e.Contains("read-start:r1") && e.Contains("read-start:r2"));

        probe.Open("r1");
        probe.Open("r2");
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task A_write_waits_for_running_reads_and_reads_wait_for_a_running_write()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("rw");

        var read = grain.Read("read-a");
        await probe.WaitFor("read-start:read-a");
        var write = grain.Write("write-a");
        var laterRead = grain.Read("read-b");
        await grain.Peek(); // an [AlwaysInterleave] call gets through meanwhile: the grain is live, the others wait

        Assert.DoesNotContain("write-start:write-a", probe.Events);
        Assert.DoesNotContain("read-start:read-b", probe.Events);

        probe.Open("read-a");
        await probe.WaitFor("write-start:write-a");
        await grain.Peek();
        Assert.DoesNotContain("read-start:read-b", probe.Events);

        probe.Open("write-a");
        probe.Open("read-b");
        await Task.WhenAll(read, write, laterRead);
        var events = probe.Events.ToList();
        Assert.True(events.IndexOf("read-end:read-a") < events.IndexOf("write-start:write-a"));
        Assert.True(events.IndexOf("write-end:write-a") < events.IndexOf("read-start:read-b"));
    }

    [Fact]
    public async Task A_reentrant_grain_starts_a_call_while_another_waits_but_never_runs_two_turns_at_once()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IReentrantGateGrain>("re");

        var calls = Enumerable.Range(0, 50).Select(i => grain.Write($"g{i}")).ToList();
        await probe.WaitForCount("reentrant-start:", 50);
        for (var i = 0; i < 50; i++)
        {
            probe.Open($"g{i}");
        }

        await Task.WhenAll(calls);
        Assert.Equal(1, probe.MaxConcurrency("reentrant-turn"));
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_has_run_it()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("oneway");

        await grain.Fire("later");

        Assert.DoesNotContain("fired:later", probe.Events);
        probe.Open("later");
        await probe.WaitFor("fired:later");
    }
}
