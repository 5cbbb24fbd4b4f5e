using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Billing;

/// <summary>
/// Midtrans's HTTP notification signature as its docs define it: signature_key is the hex
/// SHA-512 of order_id + status_code + gross_amount + server key, compared in constant time.
/// </summary>
public static class MidtransSignature
{
    public static string Compute(string orderId, string statusCode, string grossAmount, string serverKey) =>
        Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(orderId + statusCode + grossAmount + serverKey)));

    public static bool Verify(string orderId, string statusCode, string grossAmount, string serverKey, string? signatureKey) =>
        signatureKey is { Length: 128 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(orderId, statusCode, grossAmount, serverKey)), Encoding.ASCII.GetBytes(signatureKey.ToLowerInvariant()));
}
