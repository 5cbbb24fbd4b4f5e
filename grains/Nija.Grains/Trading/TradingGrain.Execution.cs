using System.Collections.Immutable;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Exchange;
using Nija.Grains.Orders;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Trading;

/// <summary>Execution on the paper exchange, working orders and price ticks.</summary>
public sealed partial class TradingGrain
{
    private readonly Dictionary<string, StreamSubscriptionHandle> _tickSubscriptions = new(StringComparer.Ordinal);

    async Task ITradingGrain.OnPrices(ImmutableDictionary<string, decimal> prices)
    {
        if (OnPricesCore(prices, time.GetUtcNow()))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Fills what the prices trigger or cross; true when an order changed.</summary>
    private bool OnPricesCore(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset now)
    {
        foreach (var (symbol, price) in prices)
        {
            S.Account.Marks[symbol] = price;
        }

        var changed = false;
        foreach (var order in S.Orders.Where(o => o.IsWorking && prices.ContainsKey(o.Symbol)).ToList())
        {
            changed |= Execute(order, prices[order.Symbol], now);
        }

        S.EquityPeak = Math.Max(S.EquityPeak, S.Account.Equity());
        return changed;
    }

    /// <summary>Moves a submitted order as far as the price allows; true when it changed.</summary>
    private bool Execute(OrderState order, decimal price, DateTimeOffset now)
    {
        IReadOnlyList<Fill> fills;
        switch (order.Type)
        {
            case OrderType.Market:
                fills = exchange.ExecuteMarket(order.Symbol, order.Side, order.Quantity - order.FilledQuantity, price, now);
                break;
            case OrderType.Limit:
                fills = exchange.TryFillLimit(order.Side, order.Quantity - order.FilledQuantity, order.LimitPrice!.Value, price, now) is { } f ? [f] : [];
                break;
            default:
                if (order.Type == OrderType.TrailingStop)
                {
                    var trailed = PaperExchange.Trail(order.Side, order.StopPrice ?? 0, order.TrailingPercent!.Value, price);
                    var moved = trailed != order.StopPrice;
                    order.StopPrice = trailed;
                    if (!PaperExchange.IsTriggered(order.Type, order.Side, trailed, price))
                    {
                        return moved;
                    }
                }
                else if (!PaperExchange.IsTriggered(order.Type, order.Side, order.StopPrice!.Value, price))
                {
                    return false;
                }

                fills = exchange.ExecuteMarket(order.Symbol, order.Side, order.Quantity - order.FilledQuantity, price, now);
                break;
        }

        if (fills.Count == 0)
        {
            return false;
        }

        // A working order may meet an account that changed since it was placed.
        var needed = fills.Sum(f => f.Price * f.Quantity + f.Fee);
        if ((order.Side == OrderSide.Buy && needed > S.Account.Cash) ||
            (order.Side == OrderSide.Sell && fills.Sum(f => f.Quantity) > S.Account.PositionQuantity(order.Symbol)))
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = order.Side == OrderSide.Buy ? "InsufficientCash: at execution" : "InsufficientPosition: at execution";
            order.UpdatedAt = now;
            return true;
        }

        foreach (var fill in fills)
        {
            S.Account.Apply(order.Broker, order.Symbol, order.Side, fill);
            order.Fills.Add(fill);
        }

        order.Status = OrderStateMachine.Move(order.Status, order.FilledQuantity >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
        order.UpdatedAt = now;
        S.EquityPeak = Math.Max(S.EquityPeak, S.Account.Equity());
        return true;
    }

    private void CancelWorking(DateTimeOffset now, string reason)
    {
        foreach (var order in S.Orders.Where(o => o.IsWorking))
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Canceled);
            order.RejectReason = reason;
            order.UpdatedAt = now;
        }
    }

    /// <summary>Closes every position at market. Risk-reducing, so no pre-trade check applies.</summary>
    private async Task FlattenAsync(DateTimeOffset now)
    {
        foreach (var (symbol, position) in S.Account.Positions.ToList())
        {
            var price = await GrainFactory.GetGrain<IMarketDataGrain>(symbol).GetLastPrice();
            var order = NewOrder(new PlaceOrderRequest(position.Broker, symbol, OrderSide.Sell, OrderType.Market, Quantity: position.Quantity), position.Quantity, now);
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Submitted);
            Execute(order, price, now);
            Remember(order);
        }
    }

    /// <summary>Listens to the ticks of every symbol with a working order, and only those.</summary>
    private async Task SubscribeToWorkingSymbols()
    {
        var wanted = S.Orders.Where(o => o.IsWorking).Select(o => o.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var symbol in _tickSubscriptions.Keys.Where(s => !wanted.Contains(s)).ToList())
        {
            await _tickSubscriptions[symbol].UnsubscribeAsync();
            _tickSubscriptions.Remove(symbol);
        }

        foreach (var symbol in wanted.Where(s => !_tickSubscriptions.ContainsKey(s)))
        {
            _tickSubscriptions[symbol] = await this.GetStreamProvider().GetStream<Tick>(new StreamId("ticks", symbol)).SubscribeAsync(async (tick, _) =>
            {
                if (OnPricesCore(new Dictionary<string, decimal> { [tick.Symbol] = tick.Price }, tick.At))
                {
                    await state.WriteStateAsync();
                    await SubscribeToWorkingSymbols();
                }
            });
        }
    }
}
