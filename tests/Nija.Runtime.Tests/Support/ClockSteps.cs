using Nija.Runtime.Testing;

namespace Nija.Runtime.Tests.Support;

public static class ClockSteps
{
    /// <summary>
    /// A periodic tick is re-armed by the previous tick's continuation, so one Advance may come too
    /// early: move the clock a step at a time until the expected event is recorded.
    /// </summary>
    public static async Task AdvanceUntil(ManualTimeProvider time, Probe probe, string expected, TimeSpan step)
    {
        for (var i = 0; i < 200 && !probe.Events.Contains(expected); i++)
        {
            time.Advance(step);
            await Task.Yield();
        }

        await probe.WaitFor(expected);
    }
}
