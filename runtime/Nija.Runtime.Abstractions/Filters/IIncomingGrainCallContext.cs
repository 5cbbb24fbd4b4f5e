namespace Nija.Runtime.Abstractions.Filters;

/// <summary>A call arriving at a grain.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance being called.</summary>
    object Grain { get; }
}
