using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Timers;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);
}

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;

    Task ITimerGrain.Start(TimeSpan period)
    {
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
}
