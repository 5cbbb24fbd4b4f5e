using Nija.Runtime.Abstractions.Timers;

namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// Base class for grain implementations. The runtime creates the instance, attaches its context,
/// loads any <c>[PersistentState]</c> and then calls <see cref="OnActivateAsync"/>. All calls to
/// one activation run one turn at a time on its own scheduler: do not use ConfigureAwait(false)
/// in grain code, or the continuation leaves the activation's turn.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>The activation's context.</summary>
    /// <exception cref="InvalidOperationException">Used in the constructor, before the runtime attached it.</exception>
    public IGrainContext GrainContext =>
        _context ?? throw new InvalidOperationException(
            "The grain context is attached after construction; inject IGrainContext into the constructor to use it there.");

    /// <summary>The identity of this grain.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The grain factory, for calls to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The key as a string.</summary>
    protected string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>The key as a Guid.</summary>
    protected Guid GetPrimaryKey() => GrainId.GetGuidKey();

    /// <summary>The key as an integer.</summary>
    protected long GetPrimaryKeyLong() => GrainId.GetIntegerKey();

    /// <summary>A grain reference to this grain, to pass to other grains (never pass <c>this</c>).</summary>
    protected TGrainInterface AsReference<TGrainInterface>() where TGrainInterface : IGrain => GrainFactory.GetGrain<TGrainInterface>(GrainId);

    /// <summary>Runs before the first call is delivered, after persistent state was read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation is discarded, once no call is running. Write state here if it is dirty.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the current call completes.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Keeps the grain from being collected as idle for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>
    /// Registers a timer that ticks as a turn of this grain. A tick never overlaps the previous one:
    /// the period counts from the end of a tick. A due time of <see cref="Timeout.InfiniteTimeSpan"/> creates it dormant
    /// (it fires after <see cref="IGrainTimer.Change"/>); a period of <see cref="Timeout.InfiniteTimeSpan"/> fires once. The timer dies with the activation; use a reminder
    /// for anything that must survive deactivation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterTimer(
            static (state, ct) => ((Func<CancellationToken, Task>)state!)(ct),
            callback,
            new GrainTimerCreationOptions { DueTime = dueTime, Period = period });
    }

    /// <summary>Registers a timer with full options and a state object passed to each tick.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterTimer((s, ct) => callback((TState)s!, ct), state, options);
    }

    internal void Attach(IGrainContext context) => _context = context;
}
