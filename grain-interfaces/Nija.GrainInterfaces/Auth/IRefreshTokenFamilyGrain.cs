using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Auth;

/// <summary>
/// One sign-in's chain of refresh tokens (key: the family id). Each refresh rotates the token; a
/// token presented twice means it leaked, so the whole family is revoked.
/// </summary>
public interface IRefreshTokenFamilyGrain : IGrainWithStringKey
{
    Task Start(string userId, string tokenHash, DateTimeOffset expiresAt);

    /// <summary>Swaps the current token for a new one, or says why not (revoking the family on reuse).</summary>
    Task<RefreshResult> Rotate(string presentedHash, string newHash, DateTimeOffset newExpiresAt);

    Task Revoke();
}
