using Microsoft.Extensions.Options;

namespace Nija.Api.Auth;

/// <summary>Sign-in settings, from Nija:Auth. With no SigningKey, a key is created once under Nija:DataDir.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Nija:Auth";

    public string Issuer { get; set; } = "nija";

    public string Audience { get; set; } = "nija-api";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256). Every API node of a cluster needs the same one.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 30;

    public int MinPasswordLength { get; set; } = 10;
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            errors.Add("Nija:Auth:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add("Nija:Auth:Audience must not be empty.");
        }

        if (options.AccessTokenMinutes is < 1 or > 60)
        {
            errors.Add("Nija:Auth:AccessTokenMinutes must be between 1 and 60.");
        }

        if (options.RefreshTokenDays is < 1 or > 90)
        {
            errors.Add("Nija:Auth:RefreshTokenDays must be between 1 and 90.");
        }

        if (options.MinPasswordLength is < 8 or > 128)
        {
            errors.Add("Nija:Auth:MinPasswordLength must be between 8 and 128.");
        }

        if (options.SigningKey is { } key && !IsStrongKey(key))
        {
            errors.Add("Nija:Auth:SigningKey must be base64 of at least 32 bytes.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsStrongKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32;
    }
}
