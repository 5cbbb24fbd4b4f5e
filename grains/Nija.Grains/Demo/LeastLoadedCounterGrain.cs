using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Cluster;
using Nija.Runtime.Abstractions.Placement;

namespace Nija.Grains.Demo;

/// <summary>A placed counter activated on the less loaded of two random silos.</summary>
[GrainType("least-loaded-counter")]
[ActivationCountBasedPlacement]
public sealed class LeastLoadedCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, IGrainContext context, ClusterView silo)
    : PlacedCounterGrain(state, context, silo), ILeastLoadedCounterGrain;
