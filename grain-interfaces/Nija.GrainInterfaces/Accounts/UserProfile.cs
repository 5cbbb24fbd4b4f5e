using Nija.GrainInterfaces.Plans;

namespace Nija.GrainInterfaces.Accounts;

/// <summary>A tenant's account: who they are, their role and their plan.</summary>
public sealed record UserProfile(string UserId, string Email, string DisplayName, UserRole Role, PlanTier Plan, DateTimeOffset CreatedAt);
