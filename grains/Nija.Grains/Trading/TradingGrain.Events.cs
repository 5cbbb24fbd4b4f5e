using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Trading;

/// <summary>Live events for the user's screens, derived from what a save wrote to the history outbox.</summary>
public sealed partial class TradingGrain
{
    private IAsyncStream<UserEvent>? _events;

    private IAsyncStream<UserEvent> Events => _events ??= this.GetStreamProvider().GetStream<UserEvent>(new StreamId(UserEvent.StreamNamespace, UserId));

    /// <summary>
    /// Published after the state is durable, so a screen never shows what a crash could undo. Fills
    /// come first, then the orders they touched, then the positions, as a trader reads them.
    /// </summary>
    private async Task PublishEventsAsync(HistoryBatch written, IReadOnlyList<string> touched)
    {
        var now = time.GetUtcNow();
        var orderIds = new List<string>();
        foreach (var fill in written.Fills)
        {
            await Events.PublishAsync(new UserEvent(UserEventKind.TradeExecuted, now, Trade: new TradeExecuted(fill.OrderId, fill.Symbol, fill.Side, fill.Fill)));
            orderIds.Add(fill.OrderId);
        }

        orderIds.AddRange(written.Orders.Select(o => o.Order.Id));
        orderIds.AddRange(touched);

        foreach (var id in orderIds.Distinct())
        {
            if (WrittenView(id, written) is { } order)
            {
                await Events.PublishAsync(new UserEvent(UserEventKind.OrderUpdated, now, Order: order));
            }
        }

        foreach (var (broker, symbol) in written.Fills.Select(f => (WrittenView(f.OrderId, written)?.Broker ?? "paper", f.Symbol)).Distinct())
        {
            await Events.PublishAsync(new UserEvent(UserEventKind.PositionUpdated, now, Position: PositionOf(broker, symbol)));
        }

        foreach (var risk in written.RiskEvents)
        {
            await Events.PublishAsync(new UserEvent(UserEventKind.Notification, now, Message: $"{risk.Rule}: {risk.Detail}"));
        }
    }

    private PositionView PositionOf(string broker, string symbol)
    {
        var book = broker == "paper" ? S.Account : S.LiveOf(broker).Book;
        if (!book.Positions.TryGetValue(symbol, out var p))
        {
            return new PositionView(broker, symbol, 0, 0, book.Marks.GetValueOrDefault(symbol), 0, 0, 0);
        }

        var mark = book.Marks.GetValueOrDefault(symbol, p.AverageEntry);
        return new PositionView(p.Broker, symbol, p.Quantity, p.AverageEntry, mark, p.RealizedPnl, (mark - p.AverageEntry) * p.Quantity, p.Fees);
    }
}
