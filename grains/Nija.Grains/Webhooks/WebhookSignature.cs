using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Webhooks;

/// <summary>
/// The X-Nija-Signature scheme, shaped like Stripe's: "t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of
/// "t.body"&gt;", several v1 values allowed (secret rollover), compared in constant time.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));

    /// <summary>Null when valid, else why not.</summary>
    public static string? Check(string secret, string? header, string body, DateTimeOffset now, out string? signature)
    {
        signature = null;
        long? t = null;
        var candidates = new List<string>();
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
            {
                t = ts;
            }
            else if (key == "v1")
            {
                candidates.Add(value.ToLowerInvariant());
            }
        }

        if (t is null || candidates.Count == 0)
        {
            return "The X-Nija-Signature header must hold t=<unix seconds> and at least one v1=<hex HMAC-SHA256>.";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(t.Value)).Duration() > Tolerance)
        {
            return "The signature's timestamp is outside the 5-minute tolerance.";
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, t.Value, body));
        signature = candidates.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c), expected));
        return signature is null ? "The signature does not match the body." : null;
    }
}
