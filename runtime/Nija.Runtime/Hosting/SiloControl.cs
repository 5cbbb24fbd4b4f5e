using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Activation;

namespace Nija.Runtime.Hosting;

internal sealed class SiloControl(Catalog catalog) : ISiloControl
{
    public int ActivationCount => catalog.Count;

    public Task DeactivateAsync(GrainId grainId) =>
        catalog.DeactivateAsync(grainId, new DeactivationReason(DeactivationReasonCode.ExplicitRequest, "Deactivated by an operator."));

    public int CollectIdleActivations() => catalog.CollectIdle();
}
