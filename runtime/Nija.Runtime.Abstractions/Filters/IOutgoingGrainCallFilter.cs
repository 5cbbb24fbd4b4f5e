namespace Nija.Runtime.Abstractions.Filters;

/// <summary>Runs around every call made through a grain reference. Register it in the silo's services.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Handles the call; call <see cref="IGrainCallContext.Invoke"/> to go on.</summary>
    Task Invoke(IOutgoingGrainCallContext context);
}
