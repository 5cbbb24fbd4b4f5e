using Microsoft.AspNetCore.Authorization;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;

namespace Nija.Api.Auth;

/// <summary>
/// Who may call what: any signed-in identity reads its own data; trading needs the user or admin role
/// and, for API keys, the trade scope; admin pages need the admin role from a signed-in session.
/// </summary>
internal static class NijaPolicies
{
    public const string Trade = "trade";
    public const string Admin = "admin";

    public static void Configure(AuthorizationOptions options)
    {
        // No schemes named: the default scheme (a bearer JWT, or an API key when its header is present) already
        // signed the request in; naming both made every request authenticate again and merge the two results.
        options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Trade, p => p.RequireAuthenticatedUser()
            .RequireRole(nameof(UserRole.User), nameof(UserRole.Admin))
            .RequireAssertion(c => c.User.FindFirst(NijaClaims.Scope) is not { } scope || scope.Value == nameof(ApiKeyScope.Trade)));
        options.AddPolicy(Admin, p => p.AddAuthenticationSchemes(AuthSchemes.Bearer).RequireAuthenticatedUser().RequireRole(nameof(UserRole.Admin)));
    }
}

/// <summary>The two ways to sign a request: a bearer JWT or a personal API key.</summary>
internal static class AuthSchemes
{
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
}
