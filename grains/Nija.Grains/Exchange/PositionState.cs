namespace Nija.Grains.Exchange;

/// <summary>A long position (spot, no shorting) in one symbol.</summary>
public sealed class PositionState
{
    public string Broker { get; set; } = "paper";

    public decimal Quantity { get; set; }

    public decimal AverageEntry { get; set; }

    public decimal RealizedPnl { get; set; }

    public decimal Fees { get; set; }
}
