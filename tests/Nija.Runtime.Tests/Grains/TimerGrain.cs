using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Timers;
using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    /// <summary>Whether (on a manual clock) a timer is armed to fall due within the period.</summary>
    Task<bool> NextTickArmed();
}

public sealed class TimerGrain(Probe probe, TimeProvider time) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private TimeSpan _period;

    Task ITimerGrain.Start(TimeSpan period)
    {
        _period = period;
        _timer = RegisterGrainTimer(async _ =>
        {
            var n = ++_ticks;
            probe.Enter("tick");
            probe.Record($"tick-start:{n}");
            await probe.Gate($"tick-{n}");
            probe.Record($"tick-end:{n}");
            probe.Exit("tick");
        }, period, period);
        return Task.CompletedTask;
    }

    Task<bool> ITimerGrain.NextTickArmed() =>
        Task.FromResult(time is ManualTimeProvider manual && manual.TimersDueWithin(_period) > 0);
}
