using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Accounts;

[GrainType("invitation")]
public sealed class InvitationGrain([PersistentState("invitation")] IPersistentState<InvitationState> state, TimeProvider time) : Grain, IInvitationGrain
{
    async Task<Invitation> IInvitationGrain.Create(string email, PlanTier tier, TimeSpan validFor, string createdBy)
    {
        if (state.State.Invitation is not null)
        {
            throw new InvalidOperationException("This invitation code already exists.");
        }

        if (validFor <= TimeSpan.Zero || validFor > TimeSpan.FromDays(90))
        {
            throw new ArgumentException("validityDays must be between 1 and 90.", "validityDays");
        }

        state.State.Invitation = new Invitation(Normalize(email), tier, time.GetUtcNow() + validFor, createdBy, null, null);
        await state.WriteStateAsync();
        return state.State.Invitation;
    }

    async Task<Invitation> IInvitationGrain.Redeem(string email, string userId)
    {
        var invitation = state.State.Invitation ?? throw new InvalidOperationException("The invitation code is not valid.");
        if (invitation.RedeemedBy is not null)
        {
            throw new InvalidOperationException("The invitation code has already been used.");
        }

        if (time.GetUtcNow() >= invitation.ExpiresAt)
        {
            throw new InvalidOperationException("The invitation code has expired.");
        }

        if (!string.Equals(invitation.Email, Normalize(email), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The invitation code was issued for another e-mail address.");
        }

        state.State.Invitation = invitation with { RedeemedBy = userId, RedeemedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        return state.State.Invitation;
    }

    Task<Invitation?> IInvitationGrain.Get() => Task.FromResult(state.State.Invitation);

    private static string Normalize(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var trimmed = email.Trim().ToLowerInvariant();
        return trimmed.Length <= 254 && trimmed.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < trimmed.Length - 1
            ? trimmed
            : throw new ArgumentException("email is not an e-mail address.", nameof(email));
    }
}
