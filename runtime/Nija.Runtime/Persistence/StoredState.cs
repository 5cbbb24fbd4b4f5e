namespace Nija.Runtime.Persistence;

/// <summary>A stored record: the payload (null once cleared: a tombstone that keeps the version) and its version.</summary>
/// <param name="Payload">UTF-8 JSON, or null when cleared.</param>
/// <param name="Version">Starts at 1 and rises by one per write or clear.</param>
public sealed record StoredState(byte[]? Payload, long Version);
