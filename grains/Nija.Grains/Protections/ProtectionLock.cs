namespace Nija.Grains.Protections;

/// <summary>No new entries on <see cref="Symbol"/> (or on any pair when null) until <see cref="Until"/>.</summary>
public sealed record ProtectionLock(string? Symbol, DateTimeOffset Until, string Protection, string Reason);
