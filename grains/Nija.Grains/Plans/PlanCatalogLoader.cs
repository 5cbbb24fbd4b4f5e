using System.Text.Json;
using System.Text.Json.Serialization;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Plans;

/// <summary>
/// Reads the plans file (Nija:Billing:PlansFile, a JSON array of plans) and checks it: every tier
/// once, prices and limits in range, a yearly price no more than twelve months. Errors name the
/// plan and the field, and stop the start.
/// </summary>
public static class PlanCatalogLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// The configured file (which must exist), else plans.json beside the app (content root, then
    /// the binaries), else the built-in table.
    /// </summary>
    public static PlanCatalog Load(string? configuredPath, params string?[] searchFolders)
    {
        ArgumentNullException.ThrowIfNull(searchFolders);
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath) ? Load(configuredPath) : throw new InvalidOperationException($"Nija:Billing:PlansFile names {configuredPath}, which does not exist.");
        }

        var found = searchFolders.Where(f => f is not null).Select(f => Path.Combine(f!, "plans.json")).FirstOrDefault(File.Exists);
        return found is null ? PlanCatalog.Default : Load(found);
    }

    public static PlanCatalog Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        PlanLimits[] plans;
        try
        {
            plans = JsonSerializer.Deserialize<PlanLimits[]>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The plans file {path} is not valid: {e.Message}", e);
        }

        var errors = Validate(plans);
        return errors.Count == 0 ? new PlanCatalog(plans) : throw new InvalidOperationException($"The plans file {path} is not valid: {string.Join(" ", errors)}");
    }

    public static List<string> Validate(IReadOnlyList<PlanLimits> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var errors = new List<string>();
        foreach (var tier in Enum.GetValues<PlanTier>())
        {
            var count = plans.Count(p => p.Tier == tier);
            if (count != 1)
            {
                errors.Add($"{tier}: must appear exactly once (found {count}).");
            }
        }

        foreach (var p in plans)
        {
            void Check(bool ok, string field, string rule)
            {
                if (!ok)
                {
                    errors.Add($"{p.Tier}.{field}: {rule}.");
                }
            }

            Check(p.MonthlyPriceUsd >= 0, "monthlyPriceUsd", "must not be negative");
            Check(p.YearlyPriceUsd >= 0 && p.YearlyPriceUsd <= p.MonthlyPriceUsd * 12, "yearlyPriceUsd", "must be between 0 and twelve monthly prices");
            Check(p.MaxPositions > 0, "maxPositions", "must be positive");
            Check(p.MaxBrokers > 0, "maxBrokers", "must be positive");
            Check(p.MaxDailyTrades > 0, "maxDailyTrades", "must be positive");
            Check(p.MaxPositionSizeUsd > 0, "maxPositionSizeUsd", "must be positive");
            Check(p.ApiCallsPerMinute > 0, "apiCallsPerMinute", "must be positive");
            Check(p.IncludedApiCalls >= 0, "includedApiCalls", "must not be negative");
            Check(p.OverageApiCallUsd >= 0, "overageApiCallUsd", "must not be negative");
        }

        return errors;
    }
}
