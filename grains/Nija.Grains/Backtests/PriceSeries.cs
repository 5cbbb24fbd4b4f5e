using System.Globalization;
using Nija.GrainInterfaces.Backtests;
using Nija.Grains.MarketData;

namespace Nija.Grains.Backtests;

/// <summary>Price series for backtests: simulated, or read from OHLCV or Binance kline CSV (the close of each row).</summary>
public static class PriceSeries
{
    public static IReadOnlyList<PricePoint> Simulated(string symbol, int steps, int seed, DateTimeOffset start)
    {
        var feed = new SimulatedPriceFeed(SimulatedPriceFeed.StartPrice(symbol), seed);
        return [.. Enumerable.Range(1, steps).Select(i => new PricePoint(symbol, feed.Next(), start.AddMinutes(i)))];
    }

    /// <summary>
    /// "time,open,high,low,close,volume" with a header (time as ISO 8601 or Unix seconds/milliseconds),
    /// or Binance kline rows without a header (open time in ms, open, high, low, close, ...).
    /// </summary>
    public static IReadOnlyList<PricePoint> FromCsv(string symbol, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var points = new List<PricePoint>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var cells = text.Split(',');
            if (text.Length == 0 || (line == 1 && !char.IsDigit(cells[0].Trim().FirstOrDefault())))
            {
                continue; // blank line or header
            }

            if (cells.Length < 5 || !decimal.TryParse(cells[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var close) || close <= 0)
            {
                throw new FormatException($"Line {line}: expected time,open,high,low,close with a positive close.");
            }

            points.Add(new PricePoint(symbol, close, ParseTime(cells[0].Trim(), line)));
        }

        return points;
    }

    private static DateTimeOffset ParseTime(string cell, int line)
    {
        if (long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        return DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new FormatException($"Line {line}: '{cell}' is not a time.");
    }
}
