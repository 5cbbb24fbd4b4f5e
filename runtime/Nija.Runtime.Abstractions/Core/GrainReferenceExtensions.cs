namespace Nija.Runtime.Abstractions.Core;

/// <summary>Helpers on grain references.</summary>
public static class GrainReferenceExtensions
{
    /// <summary>The identity behind a grain reference.</summary>
    /// <exception cref="ArgumentException">The object is not a grain reference.</exception>
    public static GrainId GetGrainId(this IGrain grain) =>
        grain is IGrainReference reference
            ? reference.GrainId
            : throw new ArgumentException("The object is not a grain reference.", nameof(grain));
}
