using System.Security.Cryptography;
using System.Text;
using Nija.GrainInterfaces.Auth;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Auth;

/// <summary>
/// Refresh-token rotation with reuse detection (as OAuth 2.0 Security BCP describes): only the
/// latest token of a family refreshes; any other token of the family means a copy is in someone
/// else's hands, and the family dies for both.
/// </summary>
[GrainType("refreshfamily")]
public sealed class RefreshTokenFamilyGrain([PersistentState("family")] IPersistentState<RefreshTokenFamilyState> state, TimeProvider time) : Grain, IRefreshTokenFamilyGrain
{
    async Task IRefreshTokenFamilyGrain.Start(string userId, string tokenHash, DateTimeOffset expiresAt)
    {
        if (state.State.UserId is not null)
        {
            throw new InvalidOperationException("The refresh-token family already exists.");
        }

        state.State.UserId = userId;
        state.State.CurrentHash = tokenHash;
        state.State.ExpiresAt = expiresAt;
        await state.WriteStateAsync();
    }

    async Task<RefreshResult> IRefreshTokenFamilyGrain.Rotate(string presentedHash, string newHash, DateTimeOffset newExpiresAt)
    {
        var s = state.State;
        if (s.UserId is null)
        {
            return new RefreshResult(RefreshOutcome.Unknown, null);
        }

        if (s.Revoked)
        {
            return new RefreshResult(RefreshOutcome.Revoked, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s.CurrentHash), Encoding.ASCII.GetBytes(presentedHash)))
        {
            s.Revoked = true;
            await state.WriteStateAsync();
            return new RefreshResult(RefreshOutcome.ReuseDetected, null);
        }

        if (s.ExpiresAt <= time.GetUtcNow())
        {
            return new RefreshResult(RefreshOutcome.Expired, null);
        }

        s.CurrentHash = newHash;
        s.ExpiresAt = newExpiresAt;
        await state.WriteStateAsync();
        return new RefreshResult(RefreshOutcome.Rotated, s.UserId);
    }

    async Task IRefreshTokenFamilyGrain.Revoke()
    {
        if (state.State.UserId is not null && !state.State.Revoked)
        {
            state.State.Revoked = true;
            await state.WriteStateAsync();
        }
    }
}
