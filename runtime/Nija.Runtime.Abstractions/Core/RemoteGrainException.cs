namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// A grain on another silo threw an exception whose type this process cannot rebuild; the original
/// type name and message are kept.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RemoteGrainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a remote exception of <paramref name="remoteType"/>.</summary>
    public RemoteGrainException(string remoteType, string message)
        : base(message) => RemoteType = remoteType;

    /// <summary>The full name of the exception type thrown on the remote silo.</summary>
    public string RemoteType { get; } = "";
}
