namespace Nija.Runtime.Messaging;

/// <summary>
/// A call would re-enter a grain that is waiting for that same call chain, which can never finish.
/// The message names the cycle. Mark the grain [Reentrant] or the method [AlwaysInterleave] if the
/// cycle is intended.
/// </summary>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeadlockException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner exception.</summary>
    public DeadlockException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public DeadlockException() { }
}
