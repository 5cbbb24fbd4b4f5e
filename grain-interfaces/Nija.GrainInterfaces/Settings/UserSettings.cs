using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Settings;

/// <summary>A user's trading limits and preferences. AllowedPairs null means every pair.</summary>
public sealed record UserSettings(
    decimal MaxPositionSizeUsd,
    int MaxConcurrentPositions,
    decimal MaxDailyLossPct,
    RiskLevel RiskLevel,
    ImmutableArray<string>? AllowedPairs,
    bool NotificationsEnabled)
{
    /// <summary>The defaults a new user starts with.</summary>
    public static UserSettings Default { get; } = new(100m, 3, 10m, RiskLevel.Moderate, null, true);
}
