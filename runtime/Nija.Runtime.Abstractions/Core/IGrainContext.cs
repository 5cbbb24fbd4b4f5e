using Nija.Runtime.Abstractions.Timers;

namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// The runtime's view of one activation. Grain code reaches it through <see cref="Grain"/>; it can
/// also be injected into a grain's constructor, which is the only way to see the identity there.
/// </summary>
public interface IGrainContext
{
    /// <summary>The identity of the grain.</summary>
    GrainId GrainId { get; }

    /// <summary>Unique per activation: changes when the grain is deactivated and activated again.</summary>
    string ActivationId { get; }

    /// <summary>The grain factory, for calls to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>The silo's services.</summary>
    IServiceProvider Services { get; }

    /// <summary>Deactivates the grain once the current request (and any running ones) has completed.</summary>
    void DeactivateOnIdle();

    /// <summary>Keeps the activation from being collected as idle for at least this long.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Registers a grain timer; see <see cref="Grain.RegisterGrainTimer(Func{CancellationToken, Task}, TimeSpan, TimeSpan)"/>.</summary>
    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);
}
