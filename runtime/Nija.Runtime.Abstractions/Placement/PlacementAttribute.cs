namespace Nija.Runtime.Abstractions.Placement;

/// <summary>Names the placement strategy of a grain class; without one a grain is hash-placed.</summary>
/// <param name="strategy">The strategy.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class PlacementAttribute(PlacementStrategy strategy) : Attribute
{
    /// <summary>The strategy.</summary>
    public PlacementStrategy Strategy { get; } = strategy;
}
