using Nija.Grains.Indicators;

namespace Nija.Grains.Tests.Indicators;

public sealed class WilderRsiTests
{
    // StockCharts ChartSchool's RSI worked example (14 periods): closes and the published RSI column.
    // The published column rounds the average gain and loss to two decimals at every step, so it
    // differs from the unrounded computation by under 0.1.
    private static readonly double[] Closes =
    [
        44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28,
        46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57,
        43.42, 42.66, 43.13,
    ];

    private static readonly double[] PublishedRsi =
    [
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87,
        45.46, 37.30, 33.08, 37.77,
    ];

    [Fact]
    public void It_reproduces_the_published_worked_example()
    {
        var rsi = new WilderRsi(14);
        var values = Closes.Select(rsi.Next).Where(v => v is not null).Select(v => v!.Value).ToArray();

        Assert.Equal(PublishedRsi.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.InRange(values[i], PublishedRsi[i] - 0.1, PublishedRsi[i] + 0.1);
        }

        Assert.Equal(70.4641, values[0], 4); // the unrounded first value
    }

    [Fact]
    public void It_has_no_value_until_period_plus_one_closes()
    {
        var rsi = new WilderRsi(14);
        var firstFourteen = Closes.Take(14).Select(rsi.Next).ToArray();

        Assert.All(firstFourteen, v => Assert.Null(v));
        Assert.NotNull(rsi.Next(Closes[14]));
    }

    [Fact]
    public void Only_gains_give_one_hundred_and_only_losses_give_zero()
    {
        var up = new WilderRsi(9);
        var down = new WilderRsi(9);
        for (var i = 0; i < 20; i++)
        {
            up.Next(100 + i);
            down.Next(100 - i);
        }

        Assert.Equal(100, up.Value);
        Assert.Equal(0, down.Value);
    }
}
