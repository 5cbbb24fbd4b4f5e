using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nija.Api.Auth;
using Nija.Api.Telemetry;

namespace Nija.Api.Live;

/// <summary>
/// /hubs/live: each connection joins only its own user's group (from the token, never from the
/// client), and a market's group when it calls SubscribeMarket(symbol). Server events:
/// orderUpdated, positionUpdated, tradeExecuted, notification, marketTick.
/// </summary>
[Authorize]
internal sealed partial class LiveHub(LiveBridge bridge, ApiInstruments metrics) : Hub
{
    private const int MaxMarketsPerConnection = 20;

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User!.UserId();
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveBridge.UserGroup(userId));
        await bridge.AttachUserAsync(userId);
        Context.Items["markets"] = new HashSet<string>(StringComparer.Ordinal);
        metrics.HubConnections.Add(1);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.HubConnections.Add(-1);
        await bridge.DetachUserAsync(Context.User!.UserId());
        foreach (var symbol in Markets)
        {
            await bridge.DetachMarketAsync(symbol);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task SubscribeMarket(string symbol)
    {
        if (!SymbolPattern().IsMatch(symbol ?? ""))
        {
            throw new HubException("symbol must be a pair written like BTC-USD.");
        }

        if (Markets.Count >= MaxMarketsPerConnection || !Markets.Add(symbol!))
        {
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveBridge.MarketGroup(symbol!));
        await bridge.AttachMarketAsync(symbol!);
    }

    public async Task UnsubscribeMarket(string symbol)
    {
        if (symbol is not null && Markets.Remove(symbol))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveBridge.MarketGroup(symbol));
            await bridge.DetachMarketAsync(symbol);
        }
    }

    private HashSet<string> Markets => (HashSet<string>)Context.Items["markets"]!;

    [GeneratedRegex("^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$")]
    private static partial Regex SymbolPattern();
}
