using Microsoft.AspNetCore.SignalR;
using Nija.Api.Telemetry;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Api.Live;

/// <summary>
/// Feeds SignalR from grain streams. Each API node subscribes only to the streams of the users and
/// markets connected to it (reference counted, unsubscribed when the last connection leaves), so
/// nodes scale out without any node seeing every event.
/// </summary>
internal sealed class LiveBridge(IServiceProvider services, IHubContext<LiveHub> hub, ApiInstruments metrics)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (StreamSubscriptionHandle Handle, int Count)> _subscriptions = new(StringComparer.Ordinal);

    public static string UserGroup(string userId) => "user:" + userId;

    public static string MarketGroup(string symbol) => "market:" + symbol;

    public Task AttachUserAsync(string userId) => AttachAsync("u:" + userId, () =>
        services.GetStreamProvider().GetStream<UserEvent>(new StreamId(UserEvent.StreamNamespace, userId)).SubscribeAsync((e, _) => ForwardAsync(userId, e)));

    public Task DetachUserAsync(string userId) => DetachAsync("u:" + userId);

    public Task AttachMarketAsync(string symbol) => AttachAsync("m:" + symbol, () =>
        services.GetStreamProvider().GetStream<Tick>(new StreamId("ticks", symbol)).SubscribeAsync(async (tick, _) =>
        {
            metrics.HubMessages.Add(1);
            await hub.Clients.Group(MarketGroup(symbol)).SendAsync("marketTick", tick);
        }));

    public Task DetachMarketAsync(string symbol) => DetachAsync("m:" + symbol);

    private Task ForwardAsync(string userId, UserEvent e)
    {
        metrics.HubMessages.Add(1);
        var clients = hub.Clients.Group(UserGroup(userId));
        return e.Kind switch
        {
            UserEventKind.OrderUpdated => clients.SendAsync("orderUpdated", e.Order),
            UserEventKind.PositionUpdated => clients.SendAsync("positionUpdated", e.Position),
            UserEventKind.TradeExecuted => clients.SendAsync("tradeExecuted", e.Trade),
            _ => clients.SendAsync("notification", new { message = e.Message, at = e.At }),
        };
    }

    private async Task AttachAsync(string key, Func<Task<StreamSubscriptionHandle>> subscribe)
    {
        await _gate.WaitAsync();
        try
        {
            _subscriptions[key] = _subscriptions.TryGetValue(key, out var existing)
                ? existing with { Count = existing.Count + 1 }
                : (await subscribe(), 1);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DetachAsync(string key)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_subscriptions.TryGetValue(key, out var existing))
            {
                return;
            }

            if (existing.Count > 1)
            {
                _subscriptions[key] = existing with { Count = existing.Count - 1 };
                return;
            }

            _subscriptions.Remove(key);
            await existing.Handle.UnsubscribeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
