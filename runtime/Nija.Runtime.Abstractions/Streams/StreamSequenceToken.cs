namespace Nija.Runtime.Abstractions.Streams;

/// <summary>The position of an item in its stream: numbers rise by one per published item.</summary>
/// <param name="SequenceNumber">The item's number in the stream, from 1.</param>
public readonly record struct StreamSequenceToken(long SequenceNumber);
