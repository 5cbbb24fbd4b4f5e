using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Accounts;

/// <summary>A tenant's profile, role and plan (key: the user id). Plan changes reach the trading grain at once.</summary>
public interface IUserAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account once; a second call with the same e-mail returns it, with another fails.</summary>
    Task<UserProfile> Create(string email, string displayName, UserRole role, PlanTier plan);

    /// <summary>The profile, or null when the account does not exist.</summary>
    [ReadOnly]
    Task<UserProfile?> Get();

    Task<UserProfile> SetRole(UserRole role, string changedBy);

    Task<UserProfile> SetPlan(PlanTier plan, string changedBy);

    /// <summary>Removes the profile (the user can no longer sign in); trading history is kept.</summary>
    Task Delete(string deletedBy);
}
