namespace Nija.Runtime.Abstractions.Placement;

/// <summary>Places the grain on the silo the consistent-hash ring names (the default, stated explicitly).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HashBasedPlacementAttribute() : PlacementAttribute(PlacementStrategy.HashBased);
