using System.Collections.Immutable;
using System.Text.Json;
using Nija.Api.Common;
using Nija.GrainInterfaces.Settings;

namespace Nija.Api.Config;

/// <summary>
/// Reads PUT /config/settings: a partial object where an absent field stays as it is and
/// "allowedPairs": null means every pair again, which a typed record cannot tell apart.
/// </summary>
internal static class SettingsPatchReader
{
    public static SettingsPatch Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestBodyException("body", "The body must be a JSON object.");
        }

        var patch = new SettingsPatch();
        foreach (var p in body.EnumerateObject())
        {
            patch = p.Name switch
            {
                "maxPositionSizeUsd" => patch with { MaxPositionSizeUsd = Number(p, e => e.GetDecimal()) },
                "maxConcurrentPositions" => patch with { MaxConcurrentPositions = Number(p, e => e.GetInt32()) },
                "maxDailyLossPct" => patch with { MaxDailyLossPct = Number(p, e => e.GetDecimal()) },
                "riskLevel" => patch with { RiskLevel = RiskLevelOf(p) },
                "notificationsEnabled" => patch with { NotificationsEnabled = p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.Value.GetBoolean() : throw Wrong(p, "true or false") },
                "allowedPairs" => p.Value.ValueKind == JsonValueKind.Null ? patch with { ClearAllowedPairs = true } : patch with { AllowedPairs = Pairs(p) },
                _ => throw new RequestBodyException(p.Name, "This field is not part of the settings."),
            };
        }

        return patch;
    }

    private static T Number<T>(JsonProperty p, Func<JsonElement, T> read)
    {
        try
        {
            return p.Value.ValueKind == JsonValueKind.Number ? read(p.Value) : throw Wrong(p, "a number");
        }
        catch (FormatException)
        {
            throw Wrong(p, "a number in range");
        }
    }

    private static RiskLevel RiskLevelOf(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.String && Enum.TryParse<RiskLevel>(p.Value.GetString(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw Wrong(p, "one of " + string.Join(", ", Enum.GetNames<RiskLevel>()));

    private static ImmutableArray<string> Pairs(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. p.Value.EnumerateArray().Select(e => e.GetString()!)]
            : throw Wrong(p, "an array of pairs or null");

    private static RequestBodyException Wrong(JsonProperty p, string expected) => new(p.Name, $"{p.Name} must be {expected}.");
}
