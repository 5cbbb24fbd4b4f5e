using Nija.GrainInterfaces.Orders;
using Nija.Grains.Exchange;
using Nija.Runtime.Abstractions.Timers;

namespace Nija.Grains.Trading;

/// <summary>
/// Stop-loss, take-profit and trailing stops on real exchanges, held by Nija rather than sent as the
/// exchanges' own conditional orders: one behaviour on every exchange and on paper (the same trigger
/// and trailing rules), at the price of firing only while the platform runs. Each check reads the
/// exchange's own last price; a triggered stop is stored as sent, then sent as a market order.
/// </summary>
public sealed partial class TradingGrain
{
    private IGrainTimer? _stopCheck;

    /// <summary>One check of every held stop, made durable (and announced) when a stop moved or triggered.</summary>
    private async Task CheckStopsAndSaveAsync()
    {
        var changed = await CheckStopsAsync();
        if (changed.Count > 0)
        {
            await SaveAsync(changed);
            await SubscribeToWorkingSymbols();
        }

        FollowLiveOrders();
    }

    /// <summary>Trails and triggers the held stops at their exchanges' prices; the ids of those that changed.</summary>
    private async Task<List<string>> CheckStopsAsync()
    {
        var changed = new List<string>();
        foreach (var stops in S.Orders.Where(o => o.IsHeld).GroupBy(o => (o.Broker, o.Symbol)).ToList())
        {
            if (await venues.LastPriceAsync(GrainFactory, stops.Key.Broker, stops.Key.Symbol, time.GetUtcNow()) is not { } price)
            {
                continue;
            }

            foreach (var order in stops)
            {
                if (order.Type == OrderType.TrailingStop)
                {
                    var trailed = PaperExchange.Trail(order.Side, order.StopPrice ?? 0, order.TrailingPercent!.Value, price);
                    if (trailed != order.StopPrice)
                    {
                        order.StopPrice = trailed;
                        changed.Add(order.Id);
                    }
                }

                if (PaperExchange.IsTriggered(order.Type, order.Side, order.StopPrice!.Value, price))
                {
                    await TriggerAsync(order);
                    changed.Add(order.Id);
                }
            }
        }

        return changed;
    }

    /// <summary>Sends a triggered stop at market; a sell is cut to the position held, in the exchange's whole steps.</summary>
    private async Task TriggerAsync(OrderState order)
    {
        var quantity = order.Quantity;
        if (order.Side == OrderSide.Sell)
        {
            var held = S.LiveOf(order.Broker).Book.PositionQuantity(order.Symbol);
            quantity = Math.Min(quantity, await venues.SellableAsync(order.Broker, order.Symbol, held));
        }

        var now = time.GetUtcNow();
        if (quantity <= 0)
        {
            LiveOrders.Reject(S, order, $"InsufficientPosition: at trigger, no {order.Symbol} left on {order.Broker} to sell", now);
            return;
        }

        LiveOrders.Trigger(order, quantity, now);
        await state.WriteStateAsync();
        await SendAsync(order);
    }
}
