using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Nija.Api.Audit;
using Nija.Api.Common;
using Nija.Api.Trading;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.GrainInterfaces.Webhooks;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Webhooks;

/// <summary>
/// POST /api/v1/webhooks/tradingview/{webhookId}: a signed alert becomes an order through the normal
/// checks. The signature is verified on the raw bytes before the JSON is trusted; each alert id is
/// accepted once; every delivery is stored with its outcome.
/// </summary>
internal static class TradingViewEndpoints
{
    public const string SignatureHeader = "X-Nija-Signature";
    private const int MaxBody = 64 * 1024;

    public static RouteGroupBuilder MapTradingViewEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/tradingview/{webhookId}", Receive).AllowAnonymous();
        return group;
    }

    private static async Task<IResult> Receive(string webhookId, HttpRequest request, IGrainFactory grains, IOptions<JsonOptions> json, AuditWriter audit)
    {
        if (webhookId.Length is < 16 or > 64)
        {
            return Problems.NotFound("The webhook");
        }

        var raw = await RawBody.ReadAsync(request, MaxBody);
        if (raw is null)
        {
            return Results.Problem(statusCode: 413, title: $"The alert body must be at most {MaxBody} bytes.");
        }

        TradingViewAlert? alert = null;
        string? parseError = null;
        try
        {
            alert = JsonSerializer.Deserialize<TradingViewAlert>(raw, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            parseError = e.Path ?? "body";
        }

        var webhook = grains.GetGrain<IWebhookGrain>(webhookId);
        var verdict = await webhook.Verify(request.Headers[SignatureHeader].ToString(), raw, alert?.AlertId);
        if (!verdict.Accepted)
        {
            return verdict.UserId is null && verdict.Error == "Unknown webhook."
                ? Problems.NotFound("The webhook")
                : Results.Problem(statusCode: 401, title: verdict.Error);
        }

        if (alert is null)
        {
            await webhook.RecordOutcome(verdict.DeliveryId, $"invalid alert JSON at {parseError}");
            return Problems.Field(parseError?.TrimStart('$', '.') is { Length: > 0 } f ? f : "body", "The alert is not valid JSON for an order.");
        }

        var trading = grains.GetGrain<ITradingGrain>(verdict.UserId!);
        if (!(await trading.CountApiCall()).Allowed)
        {
            await webhook.RecordOutcome(verdict.DeliveryId, "rate limited");
            return Results.Problem(statusCode: 429, title: "The plan's API calls per minute are used up.");
        }

        try
        {
            var result = await trading.PlaceOrder(alert.ToOrder());
            var order = result.Order;
            await webhook.RecordOutcome(verdict.DeliveryId, order.Status == OrderStatus.Rejected ? $"rejected: {order.RejectReason}" : $"order {order.Id} {order.Status}");
            await audit.QueueAsync("order.place.webhook", verdict.UserId, $"{order.Id} {order.Side} {order.Quantity} {order.Symbol} -> {order.Status}", verdict.UserId);
            return OrderResults.From(result);
        }
        catch (ArgumentException e)
        {
            await webhook.RecordOutcome(verdict.DeliveryId, "invalid order: " + e.Message);
            throw;
        }
    }
}
