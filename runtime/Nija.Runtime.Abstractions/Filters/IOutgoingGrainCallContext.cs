using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Abstractions.Filters;

/// <summary>A call leaving a grain or host code.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The calling grain, or null for a call from host code.</summary>
    GrainId? SourceId { get; }
}
