using Nija.Grains.Exchange;

namespace Nija.Grains.Trading;

/// <summary>
/// A tenant's account on one real exchange, kept apart from the paper account. Cash is the
/// exchange's balance of the quote asset as last read; positions are what Nija's own fills there
/// added up to (other holdings on the account are not Nija's to manage).
/// </summary>
public sealed class LiveAccount
{
    public const int TradesRemembered = 500;

    public PaperAccount Book { get; set; } = new();

    public decimal EquityPeak { get; set; }

    public DateOnly Day { get; set; }

    public decimal DayStartEquity { get; set; }

    public DateTimeOffset? BalanceReadAt { get; set; }

    /// <summary>The exchange's trade ids already applied, newest last: a fill read twice is applied once.</summary>
    public List<string> AppliedTrades { get; set; } = [];

    public bool TryRemember(string tradeId)
    {
        if (AppliedTrades.Contains(tradeId))
        {
            return false;
        }

        AppliedTrades.Add(tradeId);
        if (AppliedTrades.Count > TradesRemembered)
        {
            AppliedTrades.RemoveRange(0, AppliedTrades.Count - TradesRemembered);
        }

        return true;
    }

    /// <summary>Sets cash from the exchange's balances of <paramref name="quote"/> (Kraken prefixes fiat with Z: ZUSD).</summary>
    public void ReadCash(IEnumerable<GrainInterfaces.Brokers.ExchangeBalance> balances, string quote, DateTimeOffset now)
    {
        Book.Cash = balances.Where(b => LiveOrders.IsAsset(b.Asset, quote)).Sum(b => b.Free + b.Locked);
        BalanceReadAt = now;
        RollDay(now);
        EquityPeak = Math.Max(EquityPeak, Book.Equity());
    }

    public void RollDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Day != today)
        {
            Day = today;
            DayStartEquity = Book.Equity();
        }
    }
}
