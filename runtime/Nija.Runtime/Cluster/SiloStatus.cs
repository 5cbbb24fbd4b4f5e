namespace Nija.Runtime.Cluster;

/// <summary>A silo's status in the membership table. Only <see cref="Active"/> silos own grains.</summary>
public enum SiloStatus
{
    /// <summary>Started, not yet taking grains.</summary>
    Joining = 1,

    /// <summary>Owns its share of grains and reminders.</summary>
    Active = 2,

    /// <summary>Leaving gracefully: takes no new activations, hands its grains over.</summary>
    ShuttingDown = 3,

    /// <summary>Gone (left, or declared dead by its peers); this generation never comes back.</summary>
    Dead = 4,
}
