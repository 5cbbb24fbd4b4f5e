using System.Text.Json;
using Microsoft.Extensions.Options;
using Nija.Api.Common;
using Nija.GrainInterfaces.Billing;
using Nija.Grains.Billing;
using Nija.Grains.Plans;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Billing;

/// <summary>
/// POST /webhooks/stripe (and /api/v1/webhooks/stripe): the Stripe-Signature is checked on the raw
/// bytes before anything is parsed (400 otherwise, as Stripe's libraries do); each event id is
/// processed exactly once; events that name no known user are acknowledged and ignored.
/// </summary>
internal static partial class StripeWebhookEndpoints
{
    private const int MaxBody = 256 * 1024;

    public static WebApplication MapStripeWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/stripe", Receive).AllowAnonymous().WithTags("webhooks");
        app.MapPost("/api/v1/webhooks/stripe", Receive).AllowAnonymous().WithTags("webhooks");
        return app;
    }

    private static async Task<IResult> Receive(HttpRequest request, IOptions<BillingOptions> options, PlanCatalog plans, IGrainFactory grains, TimeProvider time, ILoggerFactory logs)
    {
        var secret = options.Value.Stripe.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return Results.Problem(statusCode: 400, title: "Stripe webhooks are not configured (Nija:Billing:Stripe:WebhookSecret).");
        }

        if (await RawBody.ReadAsync(request, MaxBody) is not { } payload)
        {
            return Results.Problem(statusCode: 413, title: "The event is too large.");
        }

        if (StripeSignature.Verify(request.Headers["Stripe-Signature"].ToString(), payload, secret, time.GetUtcNow()) is { } error)
        {
            return Results.Problem(statusCode: 400, title: "The Stripe-Signature header is not valid.", detail: error);
        }

        ProviderEvent providerEvent;
        string? userId;
        try
        {
            (providerEvent, userId) = StripeEvents.Parse(payload, plans);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return Problems.Field("body", "The event is not a Stripe event object.");
        }

        if (providerEvent.CustomerId is { } customer)
        {
            userId ??= await grains.GetGrain<IBillingCustomerGrain>($"stripe:{customer}").UserId();
        }

        if (userId is null)
        {
            LogUnmatched(logs.CreateLogger("Nija.Api.Billing"), providerEvent.Type, providerEvent.EventId);
            return Results.Ok(new { received = true, ignored = "no Nija user for this event" });
        }

        var first = await grains.GetGrain<IBillingEventGrain>($"stripe:{providerEvent.EventId}").Process(providerEvent, userId);
        return Results.Ok(new { received = true, duplicate = !first });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {Type} {EventId} names no Nija user; acknowledged and ignored")]
    private static partial void LogUnmatched(ILogger logger, string type, string eventId);
}
