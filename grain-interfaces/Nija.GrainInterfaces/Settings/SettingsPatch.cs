using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Settings;

/// <summary>A partial change: null fields stay as they are. ClearAllowedPairs allows every pair again.</summary>
public sealed record SettingsPatch(
    decimal? MaxPositionSizeUsd = null,
    int? MaxConcurrentPositions = null,
    decimal? MaxDailyLossPct = null,
    RiskLevel? RiskLevel = null,
    ImmutableArray<string>? AllowedPairs = null,
    bool ClearAllowedPairs = false,
    bool? NotificationsEnabled = null);
