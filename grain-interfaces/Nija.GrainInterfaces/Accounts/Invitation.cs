using Nija.GrainInterfaces.Plans;

namespace Nija.GrainInterfaces.Accounts;

/// <summary>An invitation as an admin sees it (the code itself is shown only once, when created).</summary>
public sealed record Invitation(string Email, PlanTier Tier, DateTimeOffset ExpiresAt, string CreatedBy, string? RedeemedBy, DateTimeOffset? RedeemedAt);
