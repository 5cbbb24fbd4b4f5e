using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface IIdleGrain : IGrainWithStringKey
{
    Task Touch();

    Task Keep(TimeSpan span);

    Task Leave();
}

public sealed class IdleGrain(Probe probe) : Grain, IIdleGrain
{
    Task IIdleGrain.Touch() => Task.CompletedTask;

    Task IIdleGrain.Keep(TimeSpan span)
    {
        DelayDeactivation(span);
        return Task.CompletedTask;
    }

    Task IIdleGrain.Leave()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"idle-gone:{GrainId.Key}:{reason.Code}");
        return Task.CompletedTask;
    }
}

public interface IShortLivedGrain : IGrainWithStringKey
{
    Task Touch();
}

[CollectionAgeLimit(2)]
public sealed class ShortLivedGrain(Probe probe) : Grain, IShortLivedGrain
{
    Task IShortLivedGrain.Touch() => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"short-gone:{GrainId.Key}:{reason.Code}");
        return Task.CompletedTask;
    }
}
