namespace Nija.Grains.History;

/// <summary>Which risk events to read; null means any.</summary>
public sealed record RiskEventFilter(string? UserId = null, string? Rule = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
