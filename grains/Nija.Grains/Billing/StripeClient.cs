using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Nija.Grains.Billing;

/// <summary>
/// Stripe's REST API over HttpClient (Stripe.net does not restore here): form-encoded bodies with
/// bracketed keys, the secret key as bearer, a pinned Stripe-Version, an Idempotency-Key on every
/// POST (the same one across retries), and retries with exponential backoff on 429, 5xx and network
/// errors only; any other error is thrown with Stripe's type, code and message.
/// </summary>
public sealed class StripeClient(HttpClient http, IOptions<BillingOptions> options, TimeProvider time)
{
    private StripeOptions O => options.Value.Stripe;

    public Task<JsonElement> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string idempotencyKey, CancellationToken cancellationToken)
    {
        var fields = form.ToList();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = new FormUrlEncodedContent(fields) }, idempotencyKey, cancellationToken);
    }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(path)), null, cancellationToken);

    private Uri Url(string path) => new(new Uri(O.ApiBase.TrimEnd('/') + "/"), path.TrimStart('/'));

    private async Task<JsonElement> SendAsync(Func<HttpRequestMessage> build, string? idempotencyKey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", O.SecretKey);
            request.Headers.Add("Stripe-Version", O.ApiVersion);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < O.MaxRetries)
            {
                // A connection failure: the Idempotency-Key makes a retried POST safe.
                await BackoffAsync(attempt, cancellationToken);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return JsonDocument.Parse(body).RootElement.Clone();
                }

                if ((response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500) && attempt < O.MaxRetries)
                {
                    await BackoffAsync(attempt, cancellationToken);
                    continue;
                }

                throw Error((int)response.StatusCode, body);
            }
        }
    }

    private Task BackoffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt) + Random.Shared.Next(0, 100)), time, cancellationToken);

    private static StripeException Error(int status, string body)
    {
        try
        {
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
            string? Text(string name) => error.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new StripeException(status, Text("type"), Text("code"), Text("message") ?? $"Stripe answered {status}.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new StripeException(status, null, null, $"Stripe answered {status} with a body that is not an error object.");
        }
    }
}
