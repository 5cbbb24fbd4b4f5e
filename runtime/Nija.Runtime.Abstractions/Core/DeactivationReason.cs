namespace Nija.Runtime.Abstractions.Core;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>No reason given.</summary>
    None,
    /// <summary>The grain was idle for longer than its collection age limit.</summary>
    ActivationIdle,
    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,
    /// <summary>A persistent state write was stale; the next call reloads the state.</summary>
    InconsistentState,
    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
    /// <summary>An operator or test deactivated the grain explicitly.</summary>
    ExplicitRequest,
    /// <summary>Activation failed.</summary>
    ActivationFailed,
    /// <summary>The grain belongs to another silo after a membership change (it moves on its next call).</summary>
    Migrating,
}

/// <summary>A deactivation reason with a human-readable description.</summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="Description">Words for logs.</param>
public sealed record DeactivationReason(DeactivationReasonCode Code, string Description);
