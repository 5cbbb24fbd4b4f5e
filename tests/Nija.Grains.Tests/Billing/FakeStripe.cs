using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using Nija.Tests.Shared.Exchanges;

namespace Nija.Grains.Tests.Billing;

/// <summary>
/// A local server speaking Stripe's REST API as its reference documents it: it checks the secret
/// key, Stripe-Version, form encoding and an Idempotency-Key on every POST, replays the documented
/// JSON shapes, records each request, and can be told to fail the next requests.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_nija";
    public const string Version = "2024-06-20";

    private readonly FakeExchangeServer _server;

    private FakeStripe(FakeExchangeServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Status codes to answer the next requests with, before answering normally.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    public static async Task<FakeStripe> StartAsync()
    {
        FakeStripe? fake = null;
        var server = await FakeExchangeServer.StartAsync(app =>
        {
            app.MapPost("/v1/customers", (Delegate)((HttpContext c) => fake!.Answer(c, """{"id":"cus_NffrFeUfNV2Hib","object":"customer","email":"{email}","livemode":false}""")));
            app.MapPost("/v1/checkout/sessions", (Delegate)((HttpContext c) => fake!.Answer(c,
                """{"id":"cs_test_a1b2c3","object":"checkout.session","mode":"subscription","status":"open","url":"https://checkout.stripe.com/c/pay/cs_test_a1b2c3"}""")));
            app.MapGet("/v1/subscriptions/{id}", (HttpContext c, string id) => fake!.Answer(c,
                $$$"""{"id":"{{{id}}}","object":"subscription","status":"active","customer":"cus_NffrFeUfNV2Hib","items":{"object":"list","data":[{"id":"si_OlX2hH4V2Abcde","object":"subscription_item","price":{"id":"price_nija_basic_monthly"}}]}}"""));
            app.MapPost("/v1/subscriptions/{id}", (HttpContext c, string id) => fake!.Answer(c, $$"""{"id":"{{id}}","object":"subscription","status":"active"}"""));
            app.MapPost("/v1/billing_portal/sessions", (Delegate)((HttpContext c) => fake!.Answer(c, """{"id":"bps_1","object":"billing_portal.session","url":"https://billing.stripe.com/p/session/test_YWNjdF8x"}""")));
            app.MapPost("/v1/billing/meter_events", (Delegate)((HttpContext c) => fake!.Answer(c, """{"object":"billing.meter_event","event_name":"nija_api_calls","identifier":"x","payload":{}}""")));
        });
        fake = new FakeStripe(server);
        return fake;
    }

    private async Task<IResult> Answer(HttpContext c, string json)
    {
        var form = c.Request.HasFormContentType ? (await c.Request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()) : [];
        var recorded = new RecordedRequest(c.Request.Method, c.Request.Path, c.Request.ContentType, c.Request.Headers.Authorization.ToString(),
            c.Request.Headers["Stripe-Version"].ToString(), c.Request.Headers["Idempotency-Key"].ToString(), form);
        Requests.Enqueue(recorded);
        if (recorded.Authorization != $"Bearer {SecretKey}")
        {
            return Results.Json(Error("invalid_request_error", null, "Invalid API Key provided."), statusCode: 401);
        }

        if (recorded.Method == "POST" && (string.IsNullOrEmpty(recorded.IdempotencyKey) || recorded.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true))
        {
            return Results.Json(Error("invalid_request_error", "bad_request", "POSTs must be form-encoded with an Idempotency-Key."), statusCode: 400);
        }

        if (Failures.TryDequeue(out var status))
        {
            return Results.Json(Error(status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error", status == 400 ? "resource_missing" : null,
                $"Simulated {status}."), statusCode: status);
        }

        return Results.Content(json.Replace("{email}", form.GetValueOrDefault("email", ""), StringComparison.Ordinal), "application/json");
    }

    private static object Error(string type, string? code, string message) => new { error = new { type, code, message } };

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}

/// <summary>What the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ContentType, string Authorization, string StripeVersion, string IdempotencyKey, Dictionary<string, string> Form);
