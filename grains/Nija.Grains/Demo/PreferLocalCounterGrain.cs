using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Cluster;
using Nija.Runtime.Abstractions.Placement;

namespace Nija.Grains.Demo;

/// <summary>A placed counter activated on the silo that calls it first.</summary>
[GrainType("prefer-local-counter")]
[PreferLocalPlacement]
public sealed class PreferLocalCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, IGrainContext context, ClusterView silo)
    : PlacedCounterGrain(state, context, silo), IPreferLocalCounterGrain;
