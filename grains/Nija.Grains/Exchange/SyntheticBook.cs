using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Exchange;

/// <summary>
/// A deterministic order book around a mid price: level i sits at HalfSpread + i × Spacing basis
/// points from the mid, and holds a depth drawn from a generator seeded by (seed, symbol, level).
/// A market order takes levels in order until it is filled; past the last level it takes the rest
/// at the last level's price.
/// </summary>
public static class SyntheticBook
{
    public static IReadOnlyList<(decimal Price, decimal Quantity)> Walk(OrderSide side, decimal quantity, decimal mid, string symbol, PaperExchangeOptions o)
    {
        var fills = new List<(decimal, decimal)>();
        var remaining = quantity;
        for (var level = 0; remaining > 0; level++)
        {
            var bps = o.HalfSpreadBps + Math.Min(level, o.Levels - 1) * o.LevelSpacingBps;
            var price = Math.Round(side == OrderSide.Buy ? mid * (1 + bps / 10_000m) : mid * (1 - bps / 10_000m), 8);
            var depthUsd = o.LevelNotionalUsd * (0.5m + (decimal)new Random(StableSeed.Of(o.Seed, symbol, level)).NextDouble());
            var available = level >= o.Levels - 1 ? remaining : Math.Round(depthUsd / price, 8);
            var take = Math.Min(remaining, available);
            if (take > 0)
            {
                fills.Add((price, take));
                remaining -= take;
            }
        }

        return fills;
    }
}
