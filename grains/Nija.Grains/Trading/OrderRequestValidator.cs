using System.Text.RegularExpressions;
using Nija.GrainInterfaces.Orders;

namespace Nija.Grains.Trading;

/// <summary>The shape of an order request; a bad one is refused before anything is stored, naming the field.</summary>
public static partial class OrderRequestValidator
{
    public static void Validate(PlaceOrderRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        Require(Symbol().IsMatch(r.Symbol ?? ""), "symbol", "must be a pair written like BTC-USD");
        Require(!string.IsNullOrWhiteSpace(r.Broker) && r.Broker.Length <= 32, "broker", "is required");
        Require(Enum.IsDefined(r.Side), "side", "must be Buy or Sell");
        Require(Enum.IsDefined(r.Type), "type", "must be Market, Limit, StopLoss, TakeProfit or TrailingStop");
        Require(r.SizeUsd is null != r.Quantity is null, "sizeUsd", "give exactly one of sizeUsd and quantity");
        Require(r.SizeUsd is null or > 0, "sizeUsd", "must be positive");
        Require(r.Quantity is null or > 0, "quantity", "must be positive");
        Require(r.Type != OrderType.Limit || r.LimitPrice is > 0, "limitPrice", "a limit order needs a positive limit price");
        Require(r.Type is not (OrderType.StopLoss or OrderType.TakeProfit) || r.StopPrice is > 0, "stopPrice", "needs a positive stop price");
        Require(r.Type != OrderType.TrailingStop || r.TrailingPercent is > 0 and < 50, "trailingPercent", "a trailing stop needs a distance between 0 and 50 percent");
        Require(r.ClientOrderId is null || r.ClientOrderId.Length is > 0 and <= 64, "clientOrderId", "must be 1 to 64 characters");
    }

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field} {message}.", field);
        }
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$")]
    private static partial Regex Symbol();
}
