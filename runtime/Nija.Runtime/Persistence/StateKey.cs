namespace Nija.Runtime.Persistence;

/// <summary>
/// Identifies one stored state. Every provider keeps it unique as a whole, so two grain types,
/// two services or two state names can never overwrite each other's rows.
/// </summary>
/// <param name="ServiceId">The deployment (several can share one database).</param>
/// <param name="GrainType">The grain type name.</param>
/// <param name="GrainKey">The grain key.</param>
/// <param name="StateName">The state's name within the grain.</param>
public readonly record struct StateKey(string ServiceId, string GrainType, string GrainKey, string StateName);
