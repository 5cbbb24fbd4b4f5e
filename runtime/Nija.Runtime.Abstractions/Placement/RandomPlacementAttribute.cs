namespace Nija.Runtime.Abstractions.Placement;

/// <summary>Places each new activation on an active silo picked at random.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RandomPlacementAttribute() : PlacementAttribute(PlacementStrategy.Random);
