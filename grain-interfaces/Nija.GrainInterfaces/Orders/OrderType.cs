namespace Nija.GrainInterfaces.Orders;

/// <summary>How an order executes.</summary>
public enum OrderType
{
    /// <summary>Now, at the best prices available (walks the book).</summary>
    Market,
    /// <summary>At the limit price or better, when the market crosses it.</summary>
    Limit,
    /// <summary>Becomes a market order when the price reaches the stop price against the position.</summary>
    StopLoss,
    /// <summary>Becomes a market order when the price reaches the stop price in the position's favour.</summary>
    TakeProfit,
    /// <summary>A stop that follows the best price by a percentage.</summary>
    TrailingStop,
}
