namespace Nija.Grains.Indicators;

/// <summary>
/// Wilder's relative strength index: the first average gain and loss are simple means over the
/// period; after that each is smoothed as (previous × (n − 1) + current) / n. Feed closes one at a
/// time; <see cref="Value"/> is null until period + 1 closes have been seen.
/// </summary>
public sealed class WilderRsi
{
    private readonly int _period;
    private double? _previous;
    private int _seen;
    private double _avgGain;
    private double _avgLoss;

    public WilderRsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
    }

    public double? Value { get; private set; }

    public double? Next(double close)
    {
        if (_previous is not { } previous)
        {
            _previous = close;
            return null;
        }

        var change = close - previous;
        _previous = close;
        var gain = Math.Max(change, 0);
        var loss = Math.Max(-change, 0);
        _seen++;
        if (_seen < _period)
        {
            _avgGain += gain;
            _avgLoss += loss;
            return null;
        }

        if (_seen == _period)
        {
            _avgGain = (_avgGain + gain) / _period;
            _avgLoss = (_avgLoss + loss) / _period;
        }
        else
        {
            _avgGain = (_avgGain * (_period - 1) + gain) / _period;
            _avgLoss = (_avgLoss * (_period - 1) + loss) / _period;
        }

        Value = _avgLoss == 0 ? (_avgGain == 0 ? 50 : 100) : 100 - 100 / (1 + _avgGain / _avgLoss);
        return Value;
    }
}
