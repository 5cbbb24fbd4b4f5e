using System.Globalization;

namespace Nija.Grains.Protections;

/// <summary>
/// Evaluates the protections after each closed trade and answers the pre-trade question "is this
/// pair locked?". The same code runs live, on paper and in backtests, so locks fall identically.
/// </summary>
public static class ProtectionRules
{
    public const int TradesKept = 200;

    /// <summary>Records a closed trade and adds the locks it triggers.</summary>
    public static void OnTradeClosed(List<ClosedTrade> trades, List<ProtectionLock> locks, ClosedTrade trade, decimal equity, ProtectionOptions o)
    {
        trades.Add(trade);
        if (trades.Count > TradesKept)
        {
            trades.RemoveRange(0, trades.Count - TradesKept);
        }

        var now = trade.ClosedAt;
        locks.RemoveAll(l => l.Until <= now);
        if (o.CooldownMinutes > 0)
        {
            locks.Add(new(trade.Symbol, now.AddMinutes(o.CooldownMinutes), "CooldownPeriod", $"a trade on {trade.Symbol} just closed"));
        }

        var stopOuts = Recent(trades, now, o.StoplossGuardLookbackMinutes).Where(t => t.ByStop && (!o.StoplossGuardOnlyPerPair || t.Symbol == trade.Symbol)).Count();
        if (o.StoplossGuardTradeLimit > 0 && trade.ByStop && stopOuts >= o.StoplossGuardTradeLimit)
        {
            locks.Add(new(o.StoplossGuardOnlyPerPair ? trade.Symbol : null, now.AddMinutes(o.StoplossGuardStopMinutes), "StoplossGuard",
                $"{stopOuts} stop-losses within {o.StoplossGuardLookbackMinutes} min (limit {o.StoplossGuardTradeLimit})"));
        }

        var window = Recent(trades, now, o.MaxDrawdownLookbackMinutes).ToList();
        if (o.MaxDrawdownTradeLimit > 0 && window.Count >= o.MaxDrawdownTradeLimit && equity > 0)
        {
            decimal running = 0, peak = 0, deepest = 0;
            foreach (var t in window)
            {
                running += t.Pnl;
                peak = Math.Max(peak, running);
                deepest = Math.Max(deepest, peak - running);
            }

            var pct = deepest / equity * 100m;
            if (pct >= o.MaxAllowedDrawdownPct)
            {
                locks.Add(new(null, now.AddMinutes(o.MaxDrawdownStopMinutes), "MaxDrawdown",
                    $"trade drawdown {pct.ToString("0.##", CultureInfo.InvariantCulture)}% within {o.MaxDrawdownLookbackMinutes} min (limit {o.MaxAllowedDrawdownPct}%)"));
            }
        }

        var pairTrades = Recent(trades, now, o.LowProfitPairsLookbackMinutes).Where(t => t.Symbol == trade.Symbol).ToList();
        if (o.LowProfitPairsTradeLimit > 0 && pairTrades.Count >= o.LowProfitPairsTradeLimit && pairTrades.Sum(t => t.ProfitRatio) < o.LowProfitPairsRequiredProfitRatio)
        {
            locks.Add(new(trade.Symbol, now.AddMinutes(o.LowProfitPairsStopMinutes), "LowProfitPairs",
                $"{trade.Symbol} made {pairTrades.Sum(t => t.ProfitRatio).ToString("0.####", CultureInfo.InvariantCulture)} over {pairTrades.Count} trades (required {o.LowProfitPairsRequiredProfitRatio})"));
        }
    }

    /// <summary>The active lock that blocks an entry on <paramref name="symbol"/>, if any.</summary>
    public static ProtectionLock? ActiveLock(IEnumerable<ProtectionLock> locks, string symbol, DateTimeOffset now) =>
        locks.Where(l => l.Until > now && (l.Symbol is null || l.Symbol == symbol)).OrderByDescending(l => l.Until).FirstOrDefault();

    private static IEnumerable<ClosedTrade> Recent(List<ClosedTrade> trades, DateTimeOffset now, int minutes) =>
        trades.Where(t => t.ClosedAt > now.AddMinutes(-minutes));
}
