namespace Nija.GrainInterfaces.Auth;

/// <summary>The outcome of a refresh and, when rotated, whose session it is.</summary>
public sealed record RefreshResult(RefreshOutcome Outcome, string? UserId);

/// <summary>Why a refresh token was or was not accepted.</summary>
public enum RefreshOutcome
{
    Rotated,
    Unknown,
    Expired,
    Revoked,
    ReuseDetected,
}
