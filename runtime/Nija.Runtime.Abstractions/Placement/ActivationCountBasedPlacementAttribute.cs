namespace Nija.Runtime.Abstractions.Placement;

/// <summary>Places each new activation on the less loaded of two random active silos, by activation count (power of two choices).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivationCountBasedPlacementAttribute() : PlacementAttribute(PlacementStrategy.ActivationCountBased);
