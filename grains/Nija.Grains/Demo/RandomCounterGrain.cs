using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Cluster;
using Nija.Runtime.Abstractions.Placement;

namespace Nija.Grains.Demo;

/// <summary>A placed counter activated at a random silo.</summary>
[GrainType("random-counter")]
[RandomPlacement]
public sealed class RandomCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, IGrainContext context, ClusterView silo)
    : PlacedCounterGrain(state, context, silo), IRandomCounterGrain;
