using System.Security.Cryptography;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Onboarding;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Accounts;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>
/// Creates an account across its grains in an order that never leaves half an account: the e-mail
/// is claimed first, the invitation redeemed next (releasing the e-mail if that fails), and only
/// then the profile, directory entry and onboarding step are written.
/// </summary>
internal sealed class AccountFactory(IGrainFactory grains, Credentials credentials)
{
    public const string DirectoryKey = "users";

    public async Task<AccountCreation> CreateAsync(string email, string password, string? displayName, UserRole role, PlanTier plan, string? invitationCode)
    {
        var normalized = Credentials.Normalize(email);
        var userId = "u_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        var login = grains.GetGrain<ILoginGrain>(normalized);
        if (!await login.Create(userId, credentials.Hash(password)))
        {
            return new AccountCreation(null, "email", "An account with this e-mail address already exists.");
        }

        if (invitationCode is not null)
        {
            try
            {
                plan = (await grains.GetGrain<IInvitationGrain>(InvitationCodes.KeyOf(invitationCode)).Redeem(normalized, userId)).Tier;
            }
            catch (InvalidOperationException e)
            {
                await login.Delete();
                return new AccountCreation(null, "invitationCode", e.Message);
            }
        }

        var profile = await grains.GetGrain<IUserAccountGrain>(userId).Create(normalized, string.IsNullOrWhiteSpace(displayName) ? normalized.Split('@')[0] : displayName, role, plan);
        await grains.GetGrain<IUserDirectoryGrain>(DirectoryKey).Add(userId, normalized);
        await grains.GetGrain<IOnboardingGrain>(userId).Advance(OnboardingStep.Registered);
        // A paid tier from an invitation (or the founder's) is granted; everyone else starts the trial.
        var subscription = grains.GetGrain<ISubscriptionGrain>(userId);
        _ = plan == PlanTier.Free ? await subscription.StartTrial() : await subscription.Grant(plan, invitationCode is null ? "platform" : "invitation");
        return new AccountCreation(await grains.GetGrain<IUserAccountGrain>(userId).Get() ?? profile, null, null);
    }
}

/// <summary>The new profile, or the field that stopped it and why.</summary>
internal sealed record AccountCreation(UserProfile? Profile, string? Field, string? Error);
