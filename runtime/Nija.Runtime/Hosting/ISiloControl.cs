using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Hosting;

/// <summary>Operator and test controls of the local silo.</summary>
public interface ISiloControl
{
    /// <summary>Live activations on this silo.</summary>
    int ActivationCount { get; }

    /// <summary>Deactivates a grain (its OnDeactivateAsync runs); completes when it is gone.</summary>
    Task DeactivateAsync(GrainId grainId);

    /// <summary>Runs the idle collector now; returns how many activations it deactivates.</summary>
    int CollectIdleActivations();
}
