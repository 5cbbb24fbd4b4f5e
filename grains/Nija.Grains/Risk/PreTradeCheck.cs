using System.Globalization;
using System.Runtime.CompilerServices;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

/// <summary>
/// The checks every order passes, manual or from a strategy, live, paper or backtest, in this
/// order: kill switches (global, then user), auto-disable, allowed pairs, plan (live trading), an
/// exchange that could not be read (live orders), plan (daily trades), protection locks, positions,
/// size, drawdown, daily loss, funds. The first that fails names itself.
/// </summary>
public static class PreTradeCheck
{
    public sealed record Block(string Rule, string Detail);

    public static Block? Evaluate(PreTradeContext c)
    {
        return Switch("GlobalKillSwitch", c.GlobalSwitch, c)
            ?? Switch("UserKillSwitch", c.UserSwitch, c)
            ?? Check(c.ConsecutiveBrokerErrors >= c.Options.MaxConsecutiveBrokerErrors, "AutoDisabled",
                $"{c.ConsecutiveBrokerErrors} broker errors in a row (limit {c.Options.MaxConsecutiveBrokerErrors}); an admin must resume trading")
            ?? Check(c.Settings.AllowedPairs is { } pairs && !pairs.Contains(c.Request.Symbol), "AllowedPairs",
                $"{c.Request.Symbol} is not among the allowed pairs")
            ?? Check(c.Request.Broker != "paper" && !c.Plan.LiveTradingAllowed, "PlanLiveTrading",
                $"the {c.Plan.Tier} plan allows paper trading only")
            ?? Check(c.VenueProblem is not null, "BrokerUnavailable", c.VenueProblem ?? "")
            ?? Check(c.Quota.TradesDay == DateOnly.FromDateTime(c.Now.UtcDateTime) && c.Quota.TradesToday >= c.Plan.MaxDailyTrades, "MaxDailyTrades",
                $"{c.Quota.TradesToday} trades today (limit {c.Plan.MaxDailyTrades})")
            ?? EntryChecks(c)
            ?? Funds(c);
    }

    private static Block? EntryChecks(PreTradeContext c)
    {
        if (!c.IsEntry)
        {
            return null;
        }

        var maxPositions = Math.Min(c.Settings.MaxConcurrentPositions, c.Plan.MaxPositions);
        var opensNew = c.Account.PositionQuantity(c.Request.Symbol) == 0;
        var equity = c.Account.Equity();
        var maxSize = Math.Min(Math.Min(c.Settings.MaxPositionSizeUsd, c.Plan.MaxPositionSizeUsd), equity * c.Options.MaxPositionPctOfEquity / 100m);
        var minSize = equity * c.Options.MinPositionPctOfEquity / 100m;
        var drawdown = c.EquityPeak <= 0 ? 0 : (c.EquityPeak - equity) / c.EquityPeak * 100m;
        var dayLoss = c.DayStartEquity <= 0 ? 0 : (c.DayStartEquity - equity) / c.DayStartEquity * 100m;
        return (c.Lock is { } held ? new Block($"Protection:{held.Protection}", $"{held.Symbol ?? "all pairs"} locked until {held.Until:u}: {held.Reason}") : null)
            ?? Check(c.Options.SymbolExposureLimitsUsd.TryGetValue(c.Request.Symbol, out var symbolLimit) && c.PlatformSymbolExposure + c.Notional > symbolLimit,
                "SymbolExposureLimit", $"platform exposure in {c.Request.Symbol} {Usd(c.PlatformSymbolExposure)} + {Usd(c.Notional)} above {Usd(symbolLimit)}")
            ?? Check(opensNew && c.Account.Positions.Count >= maxPositions, "MaxConcurrentPositions",
                   $"{c.Account.Positions.Count} open positions (limit {maxPositions})")
            ?? Check(c.Notional > maxSize, "MaxPositionSize", $"notional {Usd(c.Notional)} above the limit {Usd(maxSize)}")
            ?? Check(c.Notional < minSize, "MinPositionSize", $"notional {Usd(c.Notional)} below {c.Options.MinPositionPctOfEquity}% of equity ({Usd(minSize)})")
            ?? Check(drawdown >= c.Options.MaxDrawdownPct, "MaxDrawdown", $"equity {Pct(drawdown)} below its peak (limit {c.Options.MaxDrawdownPct}%)")
            ?? Check(dayLoss >= c.Settings.MaxDailyLossPct, "MaxDailyLoss", $"down {Pct(dayLoss)} today (limit {c.Settings.MaxDailyLossPct}%)");
    }

    private static Block? Funds(PreTradeContext c) => c.Request.Side == OrderSide.Buy
        ? Check(c.Notional * 1.01m > c.Account.Cash, "InsufficientCash", $"needs about {Usd(c.Notional)}, cash {Usd(c.Account.Cash)}")
        : Check(c.Quantity > c.Account.PositionQuantity(c.Request.Symbol), "InsufficientPosition",
            $"selling {c.Quantity} {c.Request.Symbol}, holding {c.Account.PositionQuantity(c.Request.Symbol)}");

    private static Block? Switch(string rule, KillSwitchState s, PreTradeContext c) => s.Level switch
    {
        KillSwitchLevel.Pause when c.IsEntry => new Block(rule, $"paused: no new entries ({s.Reason})"),
        KillSwitchLevel.Stop or KillSwitchLevel.Flatten => new Block(rule, $"{s.Level.ToString().ToLowerInvariant()}ped: no orders ({s.Reason})"),
        _ => null,
    };

    private static Block? Check(bool blocked, string rule, [InterpolatedStringHandlerArgument(nameof(blocked))] ref BlockDetail detail) =>
        blocked ? new Block(rule, detail.ToStringAndClear()) : null;

    private static Block? Check(bool blocked, string rule, string detail) => blocked ? new Block(rule, detail) : null;

    private static string Usd(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture) + " USD";

    private static string Pct(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
