using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Auth;

/// <summary>
/// A sign-in identity (key: the normalised e-mail address): the password hash, lockout, TOTP second
/// factor with backup codes, and one-time e-mail codes. Secrets are sealed by the vault; the TOTP
/// secret and the codes never leave the grain after enrolment.
/// </summary>
public interface ILoginGrain : IGrainWithStringKey
{
    /// <summary>Creates the login; false when the e-mail address is already taken.</summary>
    Task<bool> Create(string userId, string passwordHash);

    /// <summary>The login, or null when none exists.</summary>
    [ReadOnly]
    Task<LoginRecord?> Get();

    /// <summary>Counts a failed attempt; locks the login after too many in a row.</summary>
    Task<LoginRecord> RecordFailure();

    /// <summary>Clears the failure count after a successful sign-in.</summary>
    Task RecordSuccess();

    /// <summary>Replaces the password hash and clears any lockout.</summary>
    Task SetPasswordHash(string passwordHash);

    /// <summary>Starts TOTP enrolment: a new secret, its otpauth:// URI and ten backup codes (shown only now).</summary>
    Task<TotpEnrolment> BeginTotp(string issuer);

    /// <summary>Turns 2FA on when the code matches the pending secret.</summary>
    Task<bool> ConfirmTotp(string code);

    /// <summary>Checks a TOTP code (each time step used once) or a single-use backup code.</summary>
    Task<bool> VerifySecondFactor(string code);

    /// <summary>Turns 2FA off after a valid second factor.</summary>
    Task<bool> DisableTotp(string code);

    /// <summary>A new one-time code for <paramref name="purpose"/> (replacing any earlier one).</summary>
    Task<string> IssueCode(OneTimeCodePurpose purpose, TimeSpan validFor);

    /// <summary>Uses the code once; false when wrong, used or expired.</summary>
    Task<bool> RedeemCode(OneTimeCodePurpose purpose, string code);

    /// <summary>Rewraps the sealed TOTP secrets under the vault's active master key; returns how many changed.</summary>
    Task<int> RotateKeys();

    /// <summary>Removes the login (the account is deleted).</summary>
    Task Delete();
}
