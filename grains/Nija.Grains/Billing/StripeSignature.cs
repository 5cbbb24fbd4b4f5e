using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Billing;

/// <summary>
/// Stripe-Signature verification as Stripe documents it: the header holds t=&lt;unix seconds&gt; and
/// one or more v1=&lt;hex&gt; (several during secret rollover; v0 and unknown schemes are ignored); the
/// expected v1 is HMAC-SHA256 of "t." + the raw body under the endpoint secret, compared in
/// constant time; the timestamp must be within the tolerance (300 s by default) of now.
/// </summary>
public static class StripeSignature
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    public static string Compute(string secret, long timestamp, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + payload)));

    /// <summary>Null when the header is valid for the payload, else why not.</summary>
    public static string? Verify(string? header, string payload, string secret, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(header, payload, secret, now, tolerance, out _);

    /// <summary>As <see cref="Verify(string?, string, string, DateTimeOffset, TimeSpan?)"/>, also giving the v1 value that matched.</summary>
    public static string? Verify(string? header, string payload, string secret, DateTimeOffset now, TimeSpan? tolerance, out string? matched)
    {
        matched = null;
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var item in (header ?? "").Split(','))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = item[..eq].Trim();
            var value = item[(eq + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && value.Length == 64 && value.All(Uri.IsHexDigit))
            {
                signatures.Add(Encoding.ASCII.GetBytes(value.ToLowerInvariant()));
            }
        }

        if (timestamp is null)
        {
            return "Unable to extract timestamp and signatures from header.";
        }

        if (signatures.Count == 0)
        {
            return "No signatures found with expected scheme v1.";
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp.Value, payload));
        if (!signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)))
        {
            return "No signatures found matching the expected signature for payload.";
        }

        matched = Encoding.ASCII.GetString(expected);
        return (now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value)).Duration() > (tolerance ?? DefaultTolerance)
            ? "Timestamp outside the tolerance zone."
            : null;
    }
}
