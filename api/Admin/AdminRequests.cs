using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Plans;

namespace Nija.Api.Admin;

internal sealed record UpdateUserRequest(UserRole? Role = null, PlanTier? Plan = null);

internal sealed record CreateInvitationRequest(string Email, PlanTier Tier, int ValidityDays = 14);

internal sealed record KillSwitchRequest(KillSwitchScope Scope, KillSwitchAction Action, string Reason, string? UserId = null);

internal enum KillSwitchScope
{
    Global,
    User,
}

internal enum KillSwitchAction
{
    Pause,
    Stop,
    Flatten,
    Resume,
}
