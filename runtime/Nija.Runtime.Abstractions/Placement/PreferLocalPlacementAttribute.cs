namespace Nija.Runtime.Abstractions.Placement;

/// <summary>Places each new activation on the calling silo (a random one when a client calls): a grain used by one silo's grains stays next to them.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PreferLocalPlacementAttribute() : PlacementAttribute(PlacementStrategy.PreferLocal);
