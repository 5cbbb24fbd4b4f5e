using Nija.GrainInterfaces.Auth;
using Nija.Grains.Vault;

namespace Nija.Grains.Auth;

public sealed class LoginState
{
    public string? UserId { get; set; }

    public string PasswordHash { get; set; } = "";

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public bool TotpEnabled { get; set; }

    public EncryptedSecret? TotpSecret { get; set; }

    public EncryptedSecret? PendingTotpSecret { get; set; }

    public long LastTotpStep { get; set; }

    /// <summary>SHA-256 of each unused backup code.</summary>
    public List<string> BackupCodeHashes { get; set; } = [];

    public List<string> PendingBackupCodeHashes { get; set; } = [];

    public Dictionary<OneTimeCodePurpose, OneTimeCode> Codes { get; set; } = [];
}

/// <summary>A one-time e-mail code: its hash, expiry and the wrong guesses so far.</summary>
public sealed record OneTimeCode(string Hash, DateTimeOffset ExpiresAt, int WrongGuesses);
