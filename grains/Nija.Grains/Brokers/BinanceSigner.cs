using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Brokers;

/// <summary>Binance's SIGNED endpoints: the signature is the hex HMAC-SHA256 of the query string (and body) with the secret key.</summary>
public static class BinanceSigner
{
    public static string Sign(string secretKey, string totalParams) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(totalParams)));
}
