using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Nija.GrainInterfaces.Settings;

namespace Nija.Grains.Settings;

/// <summary>The ranges a user's settings must stay in; errors are keyed by the API's field names.</summary>
public static partial class UserSettingsValidator
{
    public static ImmutableDictionary<string, string> Validate(UserSettings s)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string>();
        if (s.MaxPositionSizeUsd is < 10m or > 1_000_000m)
        {
            errors["maxPositionSizeUsd"] = "must be between 10 and 1,000,000 USD";
        }

        if (s.MaxConcurrentPositions is < 1 or > 100)
        {
            errors["maxConcurrentPositions"] = "must be between 1 and 100";
        }

        if (s.MaxDailyLossPct is < 0.5m or > 50m)
        {
            errors["maxDailyLossPct"] = "must be between 0.5 and 50 percent";
        }

        if (!Enum.IsDefined(s.RiskLevel))
        {
            errors["riskLevel"] = "must be Conservative, Moderate or Aggressive";
        }

        if (s.AllowedPairs is { } pairs && (pairs.Length is 0 or > 200 || pairs.Any(p => !Pair().IsMatch(p))))
        {
            errors["allowedPairs"] = "must be 1 to 200 pairs written like BTC-USD, or null for all";
        }

        return errors.ToImmutable();
    }

    public static UserSettings Apply(UserSettings s, SettingsPatch p) => s with
    {
        MaxPositionSizeUsd = p.MaxPositionSizeUsd ?? s.MaxPositionSizeUsd,
        MaxConcurrentPositions = p.MaxConcurrentPositions ?? s.MaxConcurrentPositions,
        MaxDailyLossPct = p.MaxDailyLossPct ?? s.MaxDailyLossPct,
        RiskLevel = p.RiskLevel ?? s.RiskLevel,
        AllowedPairs = p.ClearAllowedPairs ? null : p.AllowedPairs ?? s.AllowedPairs,
        NotificationsEnabled = p.NotificationsEnabled ?? s.NotificationsEnabled,
    };

    [GeneratedRegex("^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$")]
    private static partial Regex Pair();
}
