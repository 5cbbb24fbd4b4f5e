namespace Nija.Runtime.Abstractions.Streams;

/// <summary>Names a stream: a namespace (say "orders") and a key (say a user id).</summary>
/// <param name="Namespace">The stream namespace.</param>
/// <param name="Key">The key within the namespace.</param>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Key}";
}
