namespace Nija.Runtime.Abstractions.Timers;

/// <summary>Options of a grain timer.</summary>
public sealed record GrainTimerCreationOptions
{
    /// <summary>Time until the first tick.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Time from the end of one tick to the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>When true a tick may interleave with running calls; by default it waits its turn like a call.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true a tick counts as activity and keeps the grain from being collected as idle.</summary>
    public bool KeepAlive { get; init; }
}
