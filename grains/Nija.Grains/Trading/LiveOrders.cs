using System.Security.Cryptography;
using System.Text;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Brokers;
using Nija.Grains.Exchange;
using Nija.Grains.Orders;

namespace Nija.Grains.Trading;

/// <summary>
/// The state changes of orders on real exchanges, kept apart from the paper path: an order is
/// stored as Submitted with an unknown outcome before it is sent, then moved only by what the
/// exchange reports (its answer, its order status, its fills).
/// </summary>
public static class LiveOrders
{
    /// <summary>A live order that passed the pre-trade checks (which include an unreadable exchange): rejected if the exchange's rules refuse it, otherwise ready to send.</summary>
    public static void Prepare(TradingState s, OrderState order, SymbolRules? symbolRules, decimal checkPrice, PlanLimits plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(order);
        // A market order's price is the exchange's to choose, so only a limit price must sit on the tick.
        var rules = order.Type == OrderType.Limit ? symbolRules : symbolRules is { } r ? r with { PriceTick = 0 } : null;
        if (rules?.Check(order.Quantity, checkPrice) is { } broken)
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = $"ExchangeRules: {broken}";
            return;
        }

        s.Quota.TryCountTrade(now, plan.MaxDailyTrades);
        if (!order.IsConditional)
        {
            MarkSent(order, now);
            return;
        }

        // Held by Nija until its trigger; a trailing stop starts its distance below (above) the price now.
        order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Submitted);
        if (order.Type == OrderType.TrailingStop)
        {
            order.StopPrice = PaperExchange.Trail(order.Side, 0, order.TrailingPercent!.Value, checkPrice);
        }
    }

    /// <summary>
    /// A held stop whose trigger price was reached: it becomes a market order of <paramref name="quantity"/>
    /// (a sell is cut to what is held in whole steps), stored as sent before it is sent.
    /// </summary>
    public static void Trigger(OrderState order, decimal quantity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Quantity = quantity;
        order.UpdatedAt = now;
        MarkSent(order, now);
    }

    /// <summary>A market sell of a live position, risk-reducing so unchecked (kill switch Flatten), ready to send.</summary>
    public static OrderState Exit(TradingState s, string userId, string broker, string symbol, decimal quantity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var order = OrderProcessor.NewOrder(s, userId, new PlaceOrderRequest(broker, symbol, OrderSide.Sell, OrderType.Market, Quantity: quantity), quantity, now);
        MarkSent(order, now);
        OrderProcessor.Remember(s, order);
        return order;
    }

    public static void Reject(TradingState s, OrderState order, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
        order.OutcomeUnknown = false;
        order.RejectReason = reason;
        order.UpdatedAt = now;
        OrderProcessor.Finalized(s, order);
    }

    /// <summary>
    /// Moves a working order to the exchange's final status (canceled, expired, rejected) once every
    /// fill the exchange reports is applied; true when it moved.
    /// </summary>
    public static bool Settle(TradingState s, OrderState order, OrderStatus reported, decimal executed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsWorking || order.FilledQuantity < executed || reported is not (OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Rejected)
            || !OrderStateMachine.CanMove(order.Status, reported))
        {
            return false;
        }

        order.Status = reported;
        order.RejectReason ??= $"{reported} on {order.Broker}";
        order.UpdatedAt = now;
        OrderProcessor.Finalized(s, order);
        return true;
    }

    /// <summary>
    /// The order's fills among <paramref name="fills"/> not applied before, as the order sees them (the
    /// quantity executed) and as the account does (less a fee taken in the asset bought). Fees are
    /// valued in the quote asset; a fee in a third asset (BNB) at its price in <paramref name="feeRates"/>,
    /// and at nothing when its price could not be read.
    /// </summary>
    public static (List<Fill> Order, List<Fill> Book) NewFills(LiveAccount account, OrderState order, IEnumerable<ExchangeFill> fills, IReadOnlyDictionary<string, decimal> feeRates)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(feeRates);
        var (orderFills, bookFills) = (new List<Fill>(), new List<Fill>());
        foreach (var f in fills.Where(f => f.ExchangeOrderId == order.ExchangeOrderId))
        {
            if (!account.TryRemember(f.TradeId))
            {
                continue;
            }

            var inBase = f.FeeAsset == BaseOf(order.Symbol);
            var fee = inBase ? f.Fee * f.Price : IsQuote(order.Symbol, f.FeeAsset) ? f.Fee : f.Fee * feeRates.GetValueOrDefault(f.FeeAsset);
            orderFills.Add(new Fill(f.Price, f.Quantity, fee, false, f.At));
            bookFills.Add(new Fill(f.Price, inBase && f.Side == OrderSide.Buy ? f.Quantity - f.Fee : f.Quantity, fee, false, f.At));
        }

        return (orderFills, bookFills);
    }

    /// <summary>The assets other than the pair's own that the order's fills among <paramref name="fills"/> charge fees in (Binance's BNB).</summary>
    public static IReadOnlyList<string> ThirdFeeAssets(OrderState order, IEnumerable<ExchangeFill> fills)
    {
        ArgumentNullException.ThrowIfNull(order);
        return [.. fills.Where(f => f.ExchangeOrderId == order.ExchangeOrderId && f.Fee != 0 && f.FeeAsset != BaseOf(order.Symbol) && !IsQuote(order.Symbol, f.FeeAsset))
            .Select(f => f.FeeAsset).Distinct(StringComparer.Ordinal)];
    }

    public static string QuoteOf(string symbol) => symbol[(symbol.IndexOf('-', StringComparison.Ordinal) + 1)..];

    private static string BaseOf(string symbol) => symbol[..symbol.IndexOf('-', StringComparison.Ordinal)];

    private static bool IsQuote(string symbol, string asset) => IsAsset(asset, QuoteOf(symbol));

    /// <summary>Whether an exchange's <paramref name="asset"/> name is <paramref name="currency"/> (Kraken prefixes fiat with Z: ZUSD).</summary>
    public static bool IsAsset(string asset, string currency) => asset == currency || asset == "Z" + currency;

    /// <summary>The id an exchange knows the order by: derived from Nija's order id, 27 characters (Binance allows 36).</summary>
    public static string ClientIdFor(string orderId) =>
        "nj-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(orderId)))[..24];

    private static void MarkSent(OrderState order, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.New)
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Submitted);
        }

        order.SentAt = now;
        order.OutcomeUnknown = true;
        order.ExchangeClientOrderId = ClientIdFor(order.Id);
    }
}
