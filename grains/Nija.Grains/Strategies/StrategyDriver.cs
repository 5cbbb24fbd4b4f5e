using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Exchange;

namespace Nija.Grains.Strategies;

/// <summary>
/// Turns a strategy's signals into order requests, the same way for the bot grain and the backtest
/// engine: an entry is a market buy of 5 % of equity (capped by the user's max position size), an
/// exit sells the whole position.
/// </summary>
public static class StrategyDriver
{
    public const decimal EntryPctOfEquity = 5m;

    public static PlaceOrderRequest? OnPrice(IStrategy strategy, string symbol, decimal price, DateTimeOffset at, PaperAccount account, UserSettings settings, bool entriesAllowed)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        var holding = account.PositionQuantity(symbol);
        var signal = strategy.OnPrice(symbol, price, at, holding > 0);
        return signal?.Kind switch
        {
            SignalKind.EnterLong when entriesAllowed => new PlaceOrderRequest("paper", symbol, OrderSide.Buy, OrderType.Market,
                SizeUsd: Math.Round(Math.Min(settings.MaxPositionSizeUsd, account.Equity() * EntryPctOfEquity / 100m), 2)),
            SignalKind.ExitLong => new PlaceOrderRequest("paper", symbol, OrderSide.Sell, OrderType.Market, Quantity: holding),
            _ => null,
        };
    }
}
