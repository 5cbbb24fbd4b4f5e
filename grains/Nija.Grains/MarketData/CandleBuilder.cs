using Nija.GrainInterfaces.MarketData;

namespace Nija.Grains.MarketData;

/// <summary>Folds ticks into one-minute candles (UTC minute boundaries), keeping the most recent ones.</summary>
public sealed class CandleBuilder(string symbol, int keep = 1_440)
{
    private readonly LinkedList<Candle> _candles = new();

    public IEnumerable<Candle> Candles => _candles;

    public void Add(decimal price, DateTimeOffset at)
    {
        var minute = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        if (_candles.Last?.Value is { } last && last.OpenTime == minute)
        {
            _candles.Last.Value = last with { High = Math.Max(last.High, price), Low = Math.Min(last.Low, price), Close = price, Ticks = last.Ticks + 1 };
            return;
        }

        if (_candles.Last?.Value is { } previous && previous.OpenTime > minute)
        {
            return; // a tick older than the current candle: candles only move forward
        }

        _candles.AddLast(new Candle(symbol, minute, price, price, price, price, 1));
        while (_candles.Count > keep)
        {
            _candles.RemoveFirst();
        }
    }
}
