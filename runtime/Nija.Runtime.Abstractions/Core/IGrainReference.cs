namespace Nija.Runtime.Abstractions.Core;

/// <summary>Implemented by every grain reference the runtime hands out.</summary>
public interface IGrainReference
{
    /// <summary>The identity of the referenced grain.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain interface this reference is typed as.</summary>
    Type InterfaceType { get; }
}
