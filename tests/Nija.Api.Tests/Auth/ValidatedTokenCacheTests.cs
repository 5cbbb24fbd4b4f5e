using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Nija.Api.Auth;
using Nija.Runtime.Testing;

namespace Nija.Api.Tests.Auth;

public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task A_token_validated_once_is_answered_from_memory_until_it_expires_and_refused_after()
    {
        var cache = new ValidatedTokenCache(_clock);
        var token = Token(Key, _clock.GetUtcNow().UtcDateTime.AddMinutes(15));

        var first = await cache.ValidateTokenAsync(token, Parameters());
        var second = await cache.ValidateTokenAsync(token, Parameters());
        Assert.True(first.IsValid);
        Assert.Same(first, second);
        Assert.Equal("u_cached", second.ClaimsIdentity.FindFirst("sub")?.Value);

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31)); // past expiry and the 30 s clock skew
        Assert.False((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_token_that_fails_is_never_remembered_and_another_audience_is_checked_again()
    {
        var cache = new ValidatedTokenCache(_clock);
        var forged = Token(new SymmetricSecurityKey(new byte[32]), _clock.GetUtcNow().UtcDateTime.AddMinutes(15));
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.Equal(0, cache.Count);

        var token = Token(Key, _clock.GetUtcNow().UtcDateTime.AddMinutes(15));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.False((await cache.ValidateTokenAsync(token, Parameters(audience: "another-api"))).IsValid);
    }

    [Fact]
    public async Task Beyond_its_capacity_the_cache_starts_over_instead_of_growing()
    {
        var cache = new ValidatedTokenCache(_clock, capacity: 3);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await cache.ValidateTokenAsync(Token(Key, _clock.GetUtcNow().UtcDateTime.AddMinutes(15 + i)), Parameters())).IsValid);
        }

        Assert.Equal(1, cache.Count);
    }

    private TokenValidationParameters Parameters(string audience = "nija-api") => new()
    {
        ValidIssuer = "nija",
        ValidAudience = audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, p) => expires is { } exp && _clock.GetUtcNow().UtcDateTime <= exp.ToUniversalTime() + p.ClockSkew,
    };

    private string Token(SecurityKey signing, DateTime expires) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
        "nija", "nija-api", [new Claim("sub", "u_cached"), new Claim("role", "User")], _clock.GetUtcNow().UtcDateTime.AddMinutes(-1), expires,
        new SigningCredentials(signing, SecurityAlgorithms.HmacSha256)));
}
