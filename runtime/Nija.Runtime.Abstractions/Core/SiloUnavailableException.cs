namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// A call went to a silo that died or left before answering. The call may or may not have run there:
/// the runtime never runs it again on its own; a caller that retries must make the call idempotent.
/// </summary>
public sealed class SiloUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
