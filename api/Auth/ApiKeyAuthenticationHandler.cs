using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;
using Nija.Grains.Auth;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>Signs a request in with a personal API key (header X-Api-Key): the owner's identity with the key's scope.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values) || values.ToString() is not { Length: > 0 and < 200 } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (await grains.GetGrain<IApiKeyGrain>(ApiKeys.Hash(key)).Resolve() is not { } owner
            || await grains.GetGrain<IUserAccountGrain>(owner.UserId).Get() is not { } user)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        // A key never carries more than its owner's role, and a viewer's key cannot trade whatever its scope.
        var identity = new ClaimsIdentity(
            [
                new Claim(NijaClaims.Subject, owner.UserId),
                new Claim(NijaClaims.Email, user.Email),
                new Claim(NijaClaims.Role, user.Role == UserRole.Admin ? nameof(UserRole.User) : user.Role.ToString()),
                new Claim(NijaClaims.Scope, owner.Scope.ToString()),
            ],
            Scheme.Name, NijaClaims.Subject, NijaClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
