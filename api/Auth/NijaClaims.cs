using System.Security.Claims;

namespace Nija.Api.Auth;

/// <summary>The claims Nija's tokens carry and how endpoints read the signed-in tenant from them.</summary>
internal static class NijaClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";
    public const string Scope = "scope";

    /// <summary>The admin acting as the user in a read-only impersonation (RFC 8693's "act").</summary>
    public const string Actor = "act";

    /// <summary>The tenant: always the token's subject, never anything from the request.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? throw new InvalidOperationException("The request is not signed in.");

    public static string? ActorId(this ClaimsPrincipal user) => user.FindFirstValue(Actor);
}
