using Nija.Api.Audit;
using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.Api.Telemetry;
using Nija.GrainInterfaces.Bots;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Strategies;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Trading;

/// <summary>/api/v1/trading: the bot (start, pause, stop, status), the user's own emergency stop, and orders.</summary>
internal static class TradingEndpoints
{
    public static RouteGroupBuilder MapTradingEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/status", async (HttpContext http, IGrainFactory grains) =>
        {
            var userId = http.User.UserId();
            return Results.Ok(new
            {
                bot = await grains.GetGrain<IBotGrain>(userId).Status(),
                killSwitch = await grains.GetGrain<ITradingGrain>(userId).GetKillSwitch(),
            });
        });
        var trade = group.MapGroup("").RequireAuthorization(NijaPolicies.Trade).RequireNoImpersonation();
        trade.MapPost("/start", async (Body<StartBotRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var strategy = body.Value.Strategy ?? StrategyCatalog.Names[0];
            var status = await grains.GetGrain<IBotGrain>(http.User.UserId()).Start(strategy, body.Value.Pairs ?? ["BTC-USD"]);
            await audit.RecordAsync("trading.bot.start", http.User.UserId(), $"{strategy} on {string.Join(',', status.Pairs)}");
            return Results.Ok(status);
        });
        trade.MapPost("/pause", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            await audit.RecordAsync("trading.bot.pause", http.User.UserId(), "bot paused");
            return Results.Ok(await grains.GetGrain<IBotGrain>(http.User.UserId()).Pause());
        });
        trade.MapPost("/stop", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            await audit.RecordAsync("trading.bot.stop", http.User.UserId(), "bot stopped");
            return Results.Ok(await grains.GetGrain<IBotGrain>(http.User.UserId()).Stop());
        });
        trade.MapPost("/emergency-stop", async (Body<EmergencyStopRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var level = body.Value.Level ?? KillSwitchLevel.Stop;
            var userId = http.User.UserId();
            await grains.GetGrain<IBotGrain>(userId).Stop();
            var state = await grains.GetGrain<ITradingGrain>(userId).SetKillSwitch(level, body.Value.Reason ?? "emergency stop", userId);
            await audit.RecordAsync("killswitch.user", userId, $"{level}: {state.Reason}");
            return Results.Ok(state);
        });
        trade.MapPost("/resume", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var userId = http.User.UserId();
            var state = await grains.GetGrain<ITradingGrain>(userId).SetKillSwitch(KillSwitchLevel.Off, "resumed by the user", userId);
            await audit.RecordAsync("killswitch.user", userId, "Off: resumed");
            return Results.Ok(state);
        });
        trade.MapPost("/orders", async (Body<PlaceOrderRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit, ApiInstruments metrics) =>
        {
            var result = await grains.GetGrain<ITradingGrain>(http.User.UserId()).PlaceOrder(body.Value);
            metrics.Orders.Add(1, new KeyValuePair<string, object?>("status", result.Replayed ? "replayed" : result.Order.Status.ToString()));
            if (!result.Replayed)
            {
                var o = result.Order;
                await audit.QueueAsync("order.place", http.User.UserId(), $"{o.Id} {o.Side} {o.Quantity} {o.Symbol} {o.Type} -> {o.Status}");
            }

            return OrderResults.From(result);
        });
        trade.MapDelete("/orders/{id}", async (string id, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var trading = grains.GetGrain<ITradingGrain>(http.User.UserId());
            if (!await trading.CancelOrder(id))
            {
                // Unknown, another tenant's, or already final: the same 404 for each, so ids reveal nothing.
                return Problems.NotFound("An open order with this id");
            }

            await audit.QueueAsync("order.cancel", http.User.UserId(), id);
            return Results.NoContent();
        });
        group.MapGet("/orders", async (string? status, string? page, string? pageSize, HttpContext http, IGrainFactory grains) =>
        {
            var (skip, take, error) = QueryParameters.Of(page, pageSize);
            var (filter, statusError) = QueryParameters.Enum<OrderStatus>(status, "status");
            return error ?? statusError ?? Results.Ok(await grains.GetGrain<ITradingGrain>(http.User.UserId()).GetOrders(filter, skip, take));
        });
        group.MapGet("/orders/{id}", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var order = await grains.GetGrain<ITradingGrain>(http.User.UserId()).GetOrder(id);
            return order is not null ? Results.Ok(order) : Problems.NotFound("The order");
        });
        return group;
    }
}
