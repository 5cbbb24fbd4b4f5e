using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Brokers;

/// <summary>
/// Kraken's private REST endpoints: API-Sign is the base64 HMAC-SHA512, keyed with the base64-decoded
/// secret, of the URI path followed by the SHA-256 of (nonce + POST data).
/// </summary>
public static class KrakenSigner
{
    public static string Sign(string base64Secret, string uriPath, string nonce, string postData)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(nonce + postData));
        var message = Encoding.UTF8.GetBytes(uriPath).Concat(hash).ToArray();
        return Convert.ToBase64String(HMACSHA512.HashData(Convert.FromBase64String(base64Secret), message));
    }
}
