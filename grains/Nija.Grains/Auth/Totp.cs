using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Nija.Grains.Auth;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): 30-second steps, six digits,
/// HMAC-SHA1 as every authenticator app defaults to (SHA-256/512 for the RFC's test vectors).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] secret, long step, int digits = 6, HashAlgorithmName? algorithm = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var name = algorithm ?? HashAlgorithmName.SHA1;
        var hash = name == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(secret, counter)
            : name == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(secret, counter)
            : HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step the code belongs to, allowing one step of clock drift either way, or null. Callers
    /// refuse a step at or before the last one used, so a code works once.
    /// </summary>
    public static long? Match(byte[] secret, string code, DateTimeOffset now)
    {
        var step = StepAt(now);
        for (var s = step - 1; s <= step + 1; s++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, s)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return s;
            }
        }

        return null;
    }

    public static string ProvisioningUri(string issuer, string account, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period={StepSeconds}";
}
