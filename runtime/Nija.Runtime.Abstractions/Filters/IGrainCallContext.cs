using System.Reflection;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Abstractions.Filters;

/// <summary>A call as a filter sees it.</summary>
public interface IGrainCallContext
{
    /// <summary>The called grain.</summary>
    GrainId TargetId { get; }

    /// <summary>The grain interface method called.</summary>
    MethodInfo InterfaceMethod { get; }

    /// <summary>The arguments; a filter may replace them before calling <see cref="Invoke"/>.</summary>
    object?[] Arguments { get; }

    /// <summary>The result once <see cref="Invoke"/> completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Calls the next filter, or the grain after the last one.</summary>
    Task Invoke();
}
