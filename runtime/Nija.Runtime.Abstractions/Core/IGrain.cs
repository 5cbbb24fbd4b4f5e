namespace Nija.Runtime.Abstractions.Core;

/// <summary>Marker for every grain interface. Use one of the keyed sub-interfaces.</summary>
public interface IGrain;

/// <summary>A grain whose identity is a string (a user id, a broker name).</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain whose identity is a <see cref="Guid"/>.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain whose identity is a 64-bit integer.</summary>
public interface IGrainWithIntegerKey : IGrain;
