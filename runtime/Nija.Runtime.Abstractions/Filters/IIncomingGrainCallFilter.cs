namespace Nija.Runtime.Abstractions.Filters;

/// <summary>Runs around every call a grain receives, inside the grain's turn. Register it in the silo's services.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles the call; call <see cref="IGrainCallContext.Invoke"/> to go on.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}
