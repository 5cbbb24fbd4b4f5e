namespace Nija.Runtime.Cluster;

/// <summary>Where a directory-placed grain's activation lives: the silo incarnation and the activation's number there.</summary>
/// <param name="Silo">The silo.</param>
/// <param name="ActivationSeq">The activation's sequence number on that silo.</param>
public readonly record struct GrainLocation(SiloAddress Silo, long ActivationSeq);
