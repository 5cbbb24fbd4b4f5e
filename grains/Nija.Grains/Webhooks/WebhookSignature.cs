using Nija.Grains.Billing;

namespace Nija.Grains.Webhooks;

/// <summary>
/// The X-Nija-Signature scheme is Stripe's, on purpose (one well-documented scheme for users to
/// implement): "t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;", several v1 values allowed
/// (secret rollover), compared in constant time, with a five-minute tolerance.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string body) => StripeSignature.Compute(secret, timestamp, body);

    /// <summary>Null when valid, else why not; <paramref name="signature"/> is the v1 value that matched.</summary>
    public static string? Check(string secret, string? header, string body, DateTimeOffset now, out string? signature) =>
        StripeSignature.Verify(header, body, secret, now, Tolerance, out signature);
}
