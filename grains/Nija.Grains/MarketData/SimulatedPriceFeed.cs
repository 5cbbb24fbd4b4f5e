namespace Nija.Grains.MarketData;

/// <summary>
/// Geometric Brownian motion with occasional jumps, seeded: the same seed and symbol give the same
/// path. Each step is one minute of an asset with the given annual drift and volatility.
/// </summary>
public sealed class SimulatedPriceFeed
{
    private const double MinutesPerYear = 365.25 * 24 * 60;
    private readonly Random _random;
    private readonly double _drift;
    private readonly double _volatility;
    private readonly double _jumpProbability;
    private readonly double _jumpSize;

    public SimulatedPriceFeed(decimal start, int seed, double drift = 0.05, double volatility = 0.6, double jumpProbability = 0.001, double jumpSize = 0.03)
    {
        Price = start;
        _random = new Random(seed);
        _drift = drift;
        _volatility = volatility;
        _jumpProbability = jumpProbability;
        _jumpSize = jumpSize;
    }

    public decimal Price { get; private set; }

    public decimal Next()
    {
        const double dt = 1 / MinutesPerYear;
        var z = Gaussian();
        var logReturn = (_drift - 0.5 * _volatility * _volatility) * dt + _volatility * Math.Sqrt(dt) * z;
        if (_random.NextDouble() < _jumpProbability)
        {
            logReturn += (_random.NextDouble() < 0.5 ? -1 : 1) * _jumpSize;
        }

        Price = Math.Round(Price * (decimal)Math.Exp(logReturn), 8);
        return Price;
    }

    public static decimal StartPrice(string symbol) => symbol switch
    {
        "BTC-USD" => 60_000m,
        "ETH-USD" => 3_000m,
        "SOL-USD" => 150m,
        _ => 100m,
    };

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
