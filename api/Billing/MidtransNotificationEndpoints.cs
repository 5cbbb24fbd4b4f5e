using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nija.Api.Common;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Billing;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Billing;

/// <summary>
/// POST /webhooks/midtrans (and /api/v1/webhooks/midtrans): Midtrans's HTTP notification, checked
/// with its signature_key, then applied once per transaction and status (settlement or accepted
/// capture pays; deny, cancel, expire and failure fail; pending waits).
/// </summary>
internal static class MidtransNotificationEndpoints
{
    public static WebApplication MapMidtransNotifications(this WebApplication app)
    {
        app.MapPost("/webhooks/midtrans", Receive).AllowAnonymous().WithTags("webhooks");
        app.MapPost("/api/v1/webhooks/midtrans", Receive).AllowAnonymous().WithTags("webhooks");
        return app;
    }

    private static async Task<IResult> Receive(Body<JsonElementBox> body, IOptions<BillingOptions> options, IGrainFactory grains, TimeProvider time)
    {
        var serverKey = options.Value.Midtrans.ServerKey;
        if (string.IsNullOrWhiteSpace(serverKey))
        {
            return Results.Problem(statusCode: 400, title: "Midtrans notifications are not configured (Nija:Billing:Midtrans:ServerKey).");
        }

        var n = body.Value.Element;
        string? Text(string name) => n.ValueKind == JsonValueKind.Object && n.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var (orderId, statusCode, gross, status) = (Text("order_id"), Text("status_code"), Text("gross_amount"), Text("transaction_status"));
        if (orderId is null || statusCode is null || gross is null || status is null)
        {
            return Problems.Field("body", "A Midtrans notification needs order_id, status_code, gross_amount and transaction_status.");
        }

        if (!MidtransSignature.Verify(orderId, statusCode, gross, serverKey, Text("signature_key")))
        {
            return Results.Problem(statusCode: 400, title: "The signature_key does not match the notification.");
        }

        if (MidtransOrderId.Parse(orderId) is not var (userId, plan, interval))
        {
            return Results.Ok(new { received = true, ignored = "not a Nija order" });
        }

        var type = status switch
        {
            "settlement" => "invoice.paid",
            "capture" when Text("fraud_status") is null or "accept" => "invoice.paid",
            "deny" or "cancel" or "expire" or "failure" => "invoice.payment_failed",
            _ => null,
        };
        if (type is null)
        {
            return Results.Ok(new { received = true, ignored = $"status {status}" });
        }

        var at = DateTimeOffset.TryParse(Text("transaction_time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : time.GetUtcNow();
        var usd = decimal.Round(decimal.Parse(gross, NumberStyles.Number, CultureInfo.InvariantCulture) / options.Value.Midtrans.IdrPerUsd, 2);
        var providerEvent = new ProviderEvent("midtrans", $"{Text("transaction_id") ?? orderId}:{status}", type, orderId, at,
            Plan: plan == PlanTier.Free ? null : plan, Interval: interval, AmountUsd: usd);
        var first = await grains.GetGrain<IBillingEventGrain>($"midtrans:{providerEvent.EventId}").Process(providerEvent, userId);
        return Results.Ok(new { received = true, duplicate = !first });
    }
}
