using Microsoft.Extensions.Options;

namespace Nija.Grains.Risk;

/// <summary>The hard controls, bound from <c>Nija:Risk</c>.</summary>
public sealed class RiskOptions
{
    public const string Section = "Nija:Risk";

    /// <summary>An entry must be at least this share of equity...</summary>
    public decimal MinPositionPctOfEquity { get; set; } = 2m;

    /// <summary>...and at most this share.</summary>
    public decimal MaxPositionPctOfEquity { get; set; } = 10m;

    /// <summary>No new entries once equity is this far below its peak.</summary>
    public decimal MaxDrawdownPct { get; set; } = 20m;

    /// <summary>Trading is disabled after this many broker errors in a row.</summary>
    public int MaxConsecutiveBrokerErrors { get; set; } = 5;

    /// <summary>Per symbol: the most notional the whole platform may hold (USD); symbols not listed have no limit.</summary>
    public Dictionary<string, decimal> SymbolExposureLimitsUsd { get; set; } = new(StringComparer.Ordinal);
}

public sealed class RiskOptionsValidator : IValidateOptions<RiskOptions>
{
    public ValidateOptionsResult Validate(string? name, RiskOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var errors = new List<string>();
        if (o.MinPositionPctOfEquity <= 0 || o.MinPositionPctOfEquity > o.MaxPositionPctOfEquity)
        {
            errors.Add($"{RiskOptions.Section}:MinPositionPctOfEquity must be above 0 and at most MaxPositionPctOfEquity.");
        }

        if (o.MaxPositionPctOfEquity is <= 0 or > 100)
        {
            errors.Add($"{RiskOptions.Section}:MaxPositionPctOfEquity must be in (0, 100].");
        }

        if (o.MaxDrawdownPct is <= 0 or > 100)
        {
            errors.Add($"{RiskOptions.Section}:MaxDrawdownPct must be in (0, 100].");
        }

        if (o.MaxConsecutiveBrokerErrors < 1)
        {
            errors.Add($"{RiskOptions.Section}:MaxConsecutiveBrokerErrors must be at least 1.");
        }

        errors.AddRange(o.SymbolExposureLimitsUsd.Where(l => l.Value <= 0).Select(l => $"{RiskOptions.Section}:SymbolExposureLimitsUsd:{l.Key} must be positive."));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
