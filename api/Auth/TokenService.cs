using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>
/// Issues access tokens (HS256 JWTs, 15 minutes by default) and refresh tokens of the form
/// "{familyId}.{secret}", whose SHA-256 is all the family grain keeps.
/// </summary>
internal sealed class TokenService(IOptions<AuthOptions> options, IGrainFactory grains, TimeProvider time)
{
    private readonly AuthOptions _options = options.Value;

    // Decoded once: every token issued and every one validated uses it.
    private readonly Lazy<SymmetricSecurityKey> _signingKey = new(() => new SymmetricSecurityKey(Convert.FromBase64String(options.Value.SigningKey!)));

    public SymmetricSecurityKey SigningKey => _signingKey.Value;

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = _options.Issuer,
        ValidAudience = _options.Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = NijaClaims.Subject,
        RoleClaimType = NijaClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),

        // Lifetimes are checked against the platform's clock (TimeProvider), the one that issued them.
        LifetimeValidator = (notBefore, expires, _, p) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } exp && now <= exp.ToUniversalTime() + p.ClockSkew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - p.ClockSkew);
        },
    };

    public async Task<TokenPair> IssueAsync(UserProfile user)
    {
        var familyId = NewSecret(16);
        var secret = NewSecret(32);
        var expires = time.GetUtcNow().AddDays(_options.RefreshTokenDays);
        await grains.GetGrain<IRefreshTokenFamilyGrain>(familyId).Start(user.UserId, Hash(secret), expires);
        await grains.GetGrain<IUserSecurityGrain>(user.UserId).AddSession(familyId);
        return new TokenPair(AccessToken(user, actor: null, _options.AccessTokenMinutes), $"{familyId}.{secret}", _options.AccessTokenMinutes * 60);
    }

    /// <summary>Rotates a refresh token; null when it is not accepted (and the family is revoked if it was reused).</summary>
    public async Task<(TokenPair? Tokens, RefreshOutcome Outcome)> RefreshAsync(string refreshToken)
    {
        if (Split(refreshToken) is not var (familyId, secret))
        {
            return (null, RefreshOutcome.Unknown);
        }

        var next = NewSecret(32);
        var result = await grains.GetGrain<IRefreshTokenFamilyGrain>(familyId)
            .Rotate(Hash(secret), Hash(next), time.GetUtcNow().AddDays(_options.RefreshTokenDays));
        if (result.Outcome != RefreshOutcome.Rotated || await grains.GetGrain<IUserAccountGrain>(result.UserId!).Get() is not { } user)
        {
            return (null, result.Outcome);
        }

        return (new TokenPair(AccessToken(user, actor: null, _options.AccessTokenMinutes), $"{familyId}.{next}", _options.AccessTokenMinutes * 60), RefreshOutcome.Rotated);
    }

    public async Task RevokeAsync(string refreshToken)
    {
        if (Split(refreshToken) is var (familyId, _))
        {
            await grains.GetGrain<IRefreshTokenFamilyGrain>(familyId).Revoke();
        }
    }

    /// <summary>A read-only token for an admin to see a user's pages: the viewer role, the admin named as actor, no refresh.</summary>
    public string ImpersonationToken(UserProfile user, string adminId) =>
        AccessToken(user with { Role = UserRole.Viewer }, adminId, Math.Min(_options.AccessTokenMinutes, 15));

    private string AccessToken(UserProfile user, string? actor, int minutes)
    {
        var now = time.GetUtcNow();
        var claims = new List<Claim>
        {
            new(NijaClaims.Subject, user.UserId),
            new(NijaClaims.Email, user.Email),
            new(NijaClaims.Role, user.Role.ToString()),
            new(JwtRegisteredClaimNames.Jti, NewSecret(12)),
        };
        if (actor is not null)
        {
            claims.Add(new Claim(NijaClaims.Actor, actor));
        }

        var token = new JwtSecurityToken(_options.Issuer, _options.Audience, claims, now.UtcDateTime, now.AddMinutes(minutes).UtcDateTime,
            new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static (string FamilyId, string Secret)? Split(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot is > 0 && dot < token!.Length - 1 && token.Length < 200 ? (token[..dot], token[(dot + 1)..]) : null;
    }

    private static string NewSecret(int bytes) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>What a sign-in returns.</summary>
internal sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
