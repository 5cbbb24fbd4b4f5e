using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Nija.Api.Auth;

/// <summary>E-mail and password rules, and ASP.NET Identity's password hasher (PBKDF2, versioned format).</summary>
internal sealed class Credentials(IOptions<AuthOptions> options)
{
    private static readonly object Nobody = new();
    private readonly PasswordHasher<object> _hasher = new();

    // A hash of a random password, verified when the e-mail is unknown so that both answers take as long.
    private readonly Lazy<string> _decoy = new(() => new PasswordHasher<object>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static string? EmailError(string? email) =>
        email is { Length: > 3 and <= 254 } && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim() && email.Contains('.', StringComparison.Ordinal)
            ? null
            : "email must be a valid e-mail address.";

    public string? PasswordError(string? password, string field)
    {
        var min = options.Value.MinPasswordLength;
        if (password is null || password.Length < min || password.Length > 256)
        {
            return $"{field} must be {min} to 256 characters.";
        }

        return password.Any(char.IsLetter) && password.Any(c => !char.IsLetter(c))
            ? null
            : $"{field} must mix letters with digits or symbols.";
    }

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public bool Verify(string? hash, string password) =>
        _hasher.VerifyHashedPassword(Nobody, hash ?? _decoy.Value, password) != PasswordVerificationResult.Failed && hash is not null;
}
