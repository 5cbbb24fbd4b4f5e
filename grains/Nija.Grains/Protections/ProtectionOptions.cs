using Microsoft.Extensions.Options;

namespace Nija.Grains.Protections;

/// <summary>
/// Freqtrade's protections, bound from <c>Nija:Protections</c>, with durations in minutes (one
/// candle = one minute here). A zero trade limit or duration switches a protection off.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Nija:Protections";

    /// <summary>StoplossGuard: this many stop-outs within the lookback lock trading (all pairs, or the pair when OnlyPerPair).</summary>
    public int StoplossGuardTradeLimit { get; set; } = 4;

    public int StoplossGuardLookbackMinutes { get; set; } = 60;

    public int StoplossGuardStopMinutes { get; set; } = 60;

    public bool StoplossGuardOnlyPerPair { get; set; }

    /// <summary>MaxDrawdown: with at least TradeLimit trades in the lookback, a drawdown of their P&amp;L past MaxAllowedDrawdownPct of equity locks all pairs.</summary>
    public int MaxDrawdownTradeLimit { get; set; } = 20;

    public int MaxDrawdownLookbackMinutes { get; set; } = 2_880;

    public int MaxDrawdownStopMinutes { get; set; } = 720;

    public decimal MaxAllowedDrawdownPct { get; set; } = 20m;

    /// <summary>LowProfitPairs: a pair whose trades in the lookback made less than RequiredProfitRatio in total is locked.</summary>
    public int LowProfitPairsTradeLimit { get; set; } = 2;

    public int LowProfitPairsLookbackMinutes { get; set; } = 360;

    public int LowProfitPairsStopMinutes { get; set; } = 60;

    public decimal LowProfitPairsRequiredProfitRatio { get; set; } = 0.0m;

    /// <summary>CooldownPeriod: after a trade on a pair closes, no new entry on it for this long.</summary>
    public int CooldownMinutes { get; set; } = 2;
}

public sealed class ProtectionOptionsValidator : IValidateOptions<ProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ProtectionOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var negative = new (string Name, decimal Value)[]
        {
            (nameof(o.StoplossGuardTradeLimit), o.StoplossGuardTradeLimit), (nameof(o.StoplossGuardLookbackMinutes), o.StoplossGuardLookbackMinutes),
            (nameof(o.StoplossGuardStopMinutes), o.StoplossGuardStopMinutes), (nameof(o.MaxDrawdownTradeLimit), o.MaxDrawdownTradeLimit),
            (nameof(o.MaxDrawdownLookbackMinutes), o.MaxDrawdownLookbackMinutes), (nameof(o.MaxDrawdownStopMinutes), o.MaxDrawdownStopMinutes),
            (nameof(o.MaxAllowedDrawdownPct), o.MaxAllowedDrawdownPct), (nameof(o.LowProfitPairsTradeLimit), o.LowProfitPairsTradeLimit),
            (nameof(o.LowProfitPairsLookbackMinutes), o.LowProfitPairsLookbackMinutes), (nameof(o.LowProfitPairsStopMinutes), o.LowProfitPairsStopMinutes),
            (nameof(o.CooldownMinutes), o.CooldownMinutes),
        }.Where(x => x.Value < 0).Select(x => $"{ProtectionOptions.Section}:{x.Name} must not be negative.").ToList();
        return negative.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(negative);
    }
}
