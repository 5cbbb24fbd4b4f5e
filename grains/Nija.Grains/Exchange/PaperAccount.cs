using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Exchange;

/// <summary>Cash and positions of a paper account, and the arithmetic of applying a fill.</summary>
public sealed class PaperAccount
{
    public decimal Cash { get; set; }

    public decimal RealizedPnl { get; set; }

    public Dictionary<string, PositionState> Positions { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> Marks { get; set; } = new(StringComparer.Ordinal);

    public decimal PositionQuantity(string symbol) => Positions.TryGetValue(symbol, out var p) ? p.Quantity : 0m;

    public decimal Equity() => Cash + Positions.Sum(p => p.Value.Quantity * Marks.GetValueOrDefault(p.Key, p.Value.AverageEntry));

    public void Apply(string broker, string symbol, OrderSide side, Fill fill)
    {
        if (!Positions.TryGetValue(symbol, out var position))
        {
            position = new PositionState { Broker = broker };
            Positions[symbol] = position;
        }

        position.Fees += fill.Fee;
        if (side == OrderSide.Buy)
        {
            Cash -= fill.Price * fill.Quantity + fill.Fee;
            var quantity = position.Quantity + fill.Quantity;
            position.AverageEntry = (position.AverageEntry * position.Quantity + fill.Price * fill.Quantity) / quantity;
            position.Quantity = quantity;
        }
        else
        {
            Cash += fill.Price * fill.Quantity - fill.Fee;
            var pnl = (fill.Price - position.AverageEntry) * fill.Quantity - fill.Fee;
            position.RealizedPnl += pnl;
            RealizedPnl += pnl;
            position.Quantity -= fill.Quantity;
        }

        if (position.Quantity == 0)
        {
            Positions.Remove(symbol);
        }
    }
}
