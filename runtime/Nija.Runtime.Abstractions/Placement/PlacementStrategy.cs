namespace Nija.Runtime.Abstractions.Placement;

/// <summary>Where in a cluster a grain's activation is created.</summary>
public enum PlacementStrategy
{
    /// <summary>On the silo the consistent-hash ring names (the default): no directory lookup, and every process agrees without asking.</summary>
    HashBased = 0,

    /// <summary>On an active silo picked at random; the grain directory remembers where.</summary>
    Random = 1,

    /// <summary>On the calling silo (a random one when the caller is a client); the grain directory remembers where.</summary>
    PreferLocal = 2,

    /// <summary>On the less loaded of two random active silos (by activation count); the grain directory remembers where.</summary>
    ActivationCountBased = 3,
}
