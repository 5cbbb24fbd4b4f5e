using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nija.Api.Auth;

/// <summary>
/// The JWT bearer handler's token handler, remembering each access token it validated until that
/// token expires. Every request carries its token again, and validating one (parse, HMAC, claims)
/// costs more than the rest of a read's authentication; access tokens are stateless (nothing revokes
/// one before it expires) and the signing key and parameters are fixed for the process, so a token
/// that validated once validates the same way until its expiry, which is checked on every hit against
/// the platform's clock. A token that fails is never remembered; a different string (tampered) is a
/// different entry.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time, int capacity = ValidatedTokenCache.DefaultCapacity) : JsonWebTokenHandler
{
    /// <summary>About one token per active session; beyond it the cache starts over rather than growing.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _validated = new(StringComparer.Ordinal);

    /// <summary>How many validated tokens are remembered (for tests).</summary>
    public int Count => _validated.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is not null && _validated.TryGetValue(token, out var entry))
        {
            if (now <= entry.ValidUntil && entry.Audience == validationParameters.ValidAudience && entry.Issuer == validationParameters.ValidIssuer)
            {
                return entry.Result;
            }

            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && token is not null && result.SecurityToken is JsonWebToken jwt && jwt.ValidTo > DateTime.MinValue)
        {
            if (_validated.Count >= capacity)
            {
                _validated.Clear();
            }

            _validated[token] = new Entry(result, jwt.ValidTo + validationParameters.ClockSkew, validationParameters.ValidAudience, validationParameters.ValidIssuer);
        }

        return result;
    }

    private sealed record Entry(TokenValidationResult Result, DateTime ValidUntil, string? Audience, string? Issuer);
}
