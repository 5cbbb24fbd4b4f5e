namespace Nija.GrainInterfaces.Plans;

/// <summary>The subscription plans.</summary>
public enum PlanTier
{
    Free,
    Basic,
    Pro,
    Enterprise,
    Alpha,
}
