namespace Nija.GrainInterfaces.Auth;

/// <summary>A login as the sign-in path needs it. The hash is ASP.NET Identity's, never a password.</summary>
public sealed record LoginRecord(string UserId, string PasswordHash, bool TotpEnabled, int FailedAttempts, DateTimeOffset? LockedUntil);
