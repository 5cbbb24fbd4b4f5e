namespace Nija.Runtime.Abstractions.Persistence;

/// <summary>A state write found a different version in storage than the one it was based on.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag) : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InconsistentStateException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner exception.</summary>
    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public InconsistentStateException() { }

    /// <summary>The version in storage, when the provider knows it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the write was based on.</summary>
    public string? CurrentEtag { get; }
}
