using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Timers;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface IOneShotTimerGrain : IGrainWithStringKey
{
    Task CreateDormant();

    Task Arm(TimeSpan due);
}

/// <summary>A timer created dormant and armed for one tick at a time.</summary>
public sealed class OneShotTimerGrain(Probe probe) : Grain, IOneShotTimerGrain
{
    private IGrainTimer? _timer;

    Task IOneShotTimerGrain.CreateDormant()
    {
        _timer = RegisterGrainTimer(_ =>
        {
            probe.Record("fired");
            return Task.CompletedTask;
        }, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    Task IOneShotTimerGrain.Arm(TimeSpan due)
    {
        _timer!.Change(due, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }
}
