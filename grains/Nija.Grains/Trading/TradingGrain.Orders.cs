using System.Collections.Immutable;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Grains.Orders;

namespace Nija.Grains.Trading;

/// <summary>
/// Reading orders: the open ones from the state, the final ones from the outbox (newest, not yet
/// appended) and then the history, which keeps every final order whole.
/// </summary>
public sealed partial class TradingGrain
{
    private const int MaxOrdersPage = 500;

    async Task<ImmutableArray<OrderView>> ITradingGrain.GetOrders(OrderStatus? status, int skip, int take)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 0, MaxOrdersPage);
        var open = S.Orders.Where(o => !o.Archived && (status is null || o.Status == status)).Reverse().Select(o => o.ToView()).ToList();
        var page = open.Skip(skip).Take(take).ToList();
        if (page.Count == take || status is { } s && !OrderStateMachine.IsFinal(s))
        {
            return [.. page];
        }

        // Outbox and history never overlap here: a record leaves the outbox in the turn its append succeeded.
        var finalSkip = Math.Max(0, skip - open.Count);
        var waiting = S.Outbox.Orders.Select(r => r.Order).Where(o => status is null || o.Status == status).Reverse().ToList();
        page.AddRange(waiting.Skip(finalSkip).Take(take - page.Count));
        if (page.Count < take)
        {
            page.AddRange(await history.GetOrdersAsync(UserId, status, Math.Max(0, finalSkip - waiting.Count), take - page.Count, CancellationToken.None));
        }

        return [.. page];
    }

    async Task<OrderView?> ITradingGrain.GetOrder(string orderId) =>
        Find(orderId)?.ToView()
        ?? S.Outbox.Orders.LastOrDefault(r => r.Order.Id == orderId)?.Order
        ?? await history.FindOrderAsync(UserId, orderId, null, CancellationToken.None);

    /// <summary>The order first placed with this client order id, open or final, for a retried request.</summary>
    private async Task<OrderView?> OrderByClientIdAsync(string clientOrderId) =>
        S.Orders.LastOrDefault(o => o.ClientOrderId == clientOrderId && !o.Archived)?.ToView()
        ?? S.Outbox.Orders.LastOrDefault(r => r.Order.ClientOrderId == clientOrderId)?.Order
        ?? await history.FindOrderAsync(UserId, null, clientOrderId, CancellationToken.None);

    /// <summary>An order a save just wrote: still open in the state, or final with its record in the outbox.</summary>
    private OrderView? WrittenView(string orderId, HistoryBatch written) =>
        Find(orderId)?.ToView() ?? written.Orders.LastOrDefault(r => r.Order.Id == orderId)?.Order;

    /// <summary>
    /// A state written before final orders left it holds the last 20 of them; the history rows appended for
    /// them then lacked the whole order, which they get now, before the state lets them go.
    /// </summary>
    private async Task MoveEarlierFinalOrdersToHistoryAsync()
    {
        var earlier = S.Orders.Where(o => o.Archived && !o.AwaitsExchange).Select(o => o.ToView()).ToList();
        if (earlier.Count == 0)
        {
            return;
        }

        await history.CompleteOrdersAsync(UserId, earlier, CancellationToken.None);
        OrderProcessor.ForgetFinal(S);
        await state.WriteStateAsync();
    }
}
