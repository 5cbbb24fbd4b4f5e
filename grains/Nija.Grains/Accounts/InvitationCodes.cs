using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Accounts;

/// <summary>
/// Invitation codes: 20 random characters of base32 (100 bits, unguessable), grouped for reading.
/// The grain key is the code's SHA-256, so neither the store nor the logs ever hold a usable code.
/// </summary>
public static class InvitationCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

    public static string NewCode()
    {
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var s = new string(chars);
        return $"{s[..5]}-{s[5..10]}-{s[10..15]}-{s[15..]}";
    }

    /// <summary>The grain key of a code, ignoring case, spaces and dashes as typed.</summary>
    public static string KeyOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = new string([.. code.ToUpperInvariant().Where(c => c is not ('-' or ' '))]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
