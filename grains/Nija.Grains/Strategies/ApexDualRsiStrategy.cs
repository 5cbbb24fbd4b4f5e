using Nija.Grains.Indicators;

namespace Nija.Grains.Strategies;

/// <summary>
/// The default strategy, APEX dual RSI, on each symbol's prices (one per minute in the live feed):
/// a fast RSI(9) and a slow RSI(14), both with Wilder smoothing.
/// <list type="bullet">
/// <item>Enter long when the fast RSI crosses up through 30 (leaving oversold) while the slow RSI is below 50 (the move has room).</item>
/// <item>Exit when the fast RSI crosses down through 70 (leaving overbought), or the slow RSI rises above 70.</item>
/// </list>
/// No signal until both RSIs have warmed up (15 prices).
/// </summary>
public sealed class ApexDualRsiStrategy : IStrategy
{
    private readonly Dictionary<string, (WilderRsi Fast, WilderRsi Slow, double? PrevFast)> _bySymbol = new(StringComparer.Ordinal);

    public string Name => "apex-dual-rsi";

    public Signal? OnPrice(string symbol, decimal price, DateTimeOffset at, bool holding)
    {
        if (!_bySymbol.TryGetValue(symbol, out var s))
        {
            s = (new WilderRsi(9), new WilderRsi(14), null);
        }

        var fast = s.Fast.Next((double)price);
        var slow = s.Slow.Next((double)price);
        _bySymbol[symbol] = s with { PrevFast = fast };
        if (fast is not { } f || slow is not { } sl || s.PrevFast is not { } prev)
        {
            return null;
        }

        if (!holding && prev < 30 && f >= 30 && sl < 50)
        {
            return new Signal(symbol, SignalKind.EnterLong, $"RSI9 crossed up through 30 ({prev:0.0} → {f:0.0}), RSI14 {sl:0.0} < 50");
        }

        if (holding && ((prev > 70 && f <= 70) || sl > 70))
        {
            return new Signal(symbol, SignalKind.ExitLong, sl > 70 ? $"RSI14 {sl:0.0} > 70" : $"RSI9 crossed down through 70 ({prev:0.0} → {f:0.0})");
        }

        return null;
    }
}
