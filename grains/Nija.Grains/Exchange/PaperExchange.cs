using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Exchange;

/// <summary>
/// Executes paper orders against the market price: market orders (and triggered stops) walk the
/// synthetic book and pay the taker fee; a limit order fills at its limit when the price crosses it
/// and pays the maker fee. Pure and deterministic, so that live paper trading and backtests over
/// the same prices give the same fills.
/// </summary>
public sealed class PaperExchange(PaperExchangeOptions options)
{
    public PaperExchangeOptions Options => options;

    public IReadOnlyList<Fill> ExecuteMarket(string symbol, OrderSide side, decimal quantity, decimal mid, DateTimeOffset at) =>
        [.. SyntheticBook.Walk(side, quantity, mid, symbol, options).Select(l => new Fill(l.Price, l.Quantity, Fee(l.Price * l.Quantity, options.TakerFeeBps), false, at))];

    /// <summary>A limit order's fill if the price has crossed its limit, else null.</summary>
    public Fill? TryFillLimit(OrderSide side, decimal quantity, decimal limit, decimal price, DateTimeOffset at)
    {
        var crossed = side == OrderSide.Buy ? price <= limit : price >= limit;
        return crossed ? new Fill(limit, quantity, Fee(limit * quantity, options.MakerFeeBps), true, at) : null;
    }

    /// <summary>Whether a stop-loss, take-profit or trailing stop has triggered at this price.</summary>
    public static bool IsTriggered(OrderType type, OrderSide side, decimal stop, decimal price) => (type, side) switch
    {
        (OrderType.StopLoss or OrderType.TrailingStop, OrderSide.Sell) => price <= stop,
        (OrderType.StopLoss or OrderType.TrailingStop, OrderSide.Buy) => price >= stop,
        (OrderType.TakeProfit, OrderSide.Sell) => price >= stop,
        (OrderType.TakeProfit, OrderSide.Buy) => price <= stop,
        _ => false,
    };

    /// <summary>A trailing stop's new stop price after a price: it only ever moves in the position's favour.</summary>
    public static decimal Trail(OrderSide side, decimal currentStop, decimal trailingPercent, decimal price)
    {
        var candidate = side == OrderSide.Sell ? price * (1 - trailingPercent / 100m) : price * (1 + trailingPercent / 100m);
        return side == OrderSide.Sell ? Math.Max(currentStop, candidate) : (currentStop == 0 ? candidate : Math.Min(currentStop, candidate));
    }

    private static decimal Fee(decimal notional, decimal bps) => Math.Round(notional * bps / 10_000m, 8);
}
