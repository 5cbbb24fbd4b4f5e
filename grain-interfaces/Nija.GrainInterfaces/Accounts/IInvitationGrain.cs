using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Accounts;

/// <summary>
/// One invitation, keyed by the SHA-256 of its code (so the code is never stored). Single use, with
/// an expiry, bound to one e-mail address, carrying the plan tier the new user gets.
/// </summary>
public interface IInvitationGrain : IGrainWithStringKey
{
    Task<Invitation> Create(string email, PlanTier tier, TimeSpan validFor, string createdBy);

    /// <summary>Uses the invitation for <paramref name="email"/>; throws naming why when it cannot be used.</summary>
    Task<Invitation> Redeem(string email, string userId);

    [ReadOnly]
    Task<Invitation?> Get();
}
