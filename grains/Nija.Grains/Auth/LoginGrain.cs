using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nija.GrainInterfaces.Auth;
using Nija.Grains.Vault;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Auth;

/// <summary>
/// A sign-in identity. Lockout follows ASP.NET Identity's defaults (five failures in a row lock the
/// login for fifteen minutes); TOTP secrets are sealed by the vault and bound to this login; codes
/// are stored as hashes and work once.
/// </summary>
[GrainType("login")]
public sealed class LoginGrain([PersistentState("login")] IPersistentState<LoginState> state, CredentialVault vault, TimeProvider time) : Grain, ILoginGrain
{
    public const int MaxFailures = 5;
    public const int MaxCodeGuesses = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    private LoginState S => state.State;

    async Task<bool> ILoginGrain.Create(string userId, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (S.UserId is not null)
        {
            return false;
        }

        S.UserId = userId;
        S.PasswordHash = passwordHash;
        await state.WriteStateAsync();
        return true;
    }

    Task<LoginRecord?> ILoginGrain.Get() => Task.FromResult(S.UserId is null ? null : Record());

    async Task<LoginRecord> ILoginGrain.RecordFailure()
    {
        Existing();
        S.FailedAttempts++;
        if (S.FailedAttempts >= MaxFailures)
        {
            S.LockedUntil = time.GetUtcNow() + LockoutFor;
            S.FailedAttempts = 0;
        }

        await state.WriteStateAsync();
        return Record();
    }

    async Task ILoginGrain.RecordSuccess()
    {
        if (S.FailedAttempts != 0 || S.LockedUntil is not null)
        {
            S.FailedAttempts = 0;
            S.LockedUntil = null;
            await state.WriteStateAsync();
        }
    }

    async Task ILoginGrain.SetPasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        Existing();
        S.PasswordHash = passwordHash;
        S.FailedAttempts = 0;
        S.LockedUntil = null;
        await state.WriteStateAsync();
    }

    async Task<TotpEnrolment> ILoginGrain.BeginTotp(string issuer)
    {
        Existing();
        var secret = Base32.Encode(RandomNumberGenerator.GetBytes(20));
        var codes = Enumerable.Range(0, 10).Select(_ => NewBackupCode()).ToImmutableArray();
        S.PendingTotpSecret = vault.Encrypt(secret, Binding);
        S.PendingBackupCodeHashes = [.. codes.Select(Hash)];
        await state.WriteStateAsync();
        return new TotpEnrolment(secret, Totp.ProvisioningUri(issuer, GetPrimaryKeyString(), secret), codes);
    }

    async Task<bool> ILoginGrain.ConfirmTotp(string code)
    {
        Existing();
        if (S.PendingTotpSecret is null || Totp.Match(Base32.Decode(vault.Decrypt(S.PendingTotpSecret, Binding)), code ?? "", time.GetUtcNow()) is not { } step)
        {
            return false;
        }

        S.TotpSecret = S.PendingTotpSecret;
        S.BackupCodeHashes = S.PendingBackupCodeHashes;
        S.PendingTotpSecret = null;
        S.PendingBackupCodeHashes = [];
        S.TotpEnabled = true;
        S.LastTotpStep = step;
        await state.WriteStateAsync();
        return true;
    }

    Task<bool> ILoginGrain.VerifySecondFactor(string code) => VerifySecondFactor(code);

    async Task<int> ILoginGrain.RotateKeys()
    {
        var before = (S.TotpSecret?.KeyId, S.PendingTotpSecret?.KeyId);
        S.TotpSecret = S.TotpSecret is null ? null : vault.Rewrap(S.TotpSecret);
        S.PendingTotpSecret = S.PendingTotpSecret is null ? null : vault.Rewrap(S.PendingTotpSecret);
        var changed = (before.Item1 != S.TotpSecret?.KeyId ? 1 : 0) + (before.Item2 != S.PendingTotpSecret?.KeyId ? 1 : 0);
        if (changed > 0)
        {
            await state.WriteStateAsync();
        }

        return changed;
    }

    async Task<bool> ILoginGrain.DisableTotp(string code)
    {
        if (!await VerifySecondFactor(code))
        {
            return false;
        }

        S.TotpEnabled = false;
        S.TotpSecret = null;
        S.BackupCodeHashes = [];
        await state.WriteStateAsync();
        return true;
    }

    async Task<string> ILoginGrain.IssueCode(OneTimeCodePurpose purpose, TimeSpan validFor)
    {
        Existing();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        S.Codes[purpose] = new OneTimeCode(Hash(code), time.GetUtcNow() + validFor, 0);
        await state.WriteStateAsync();
        return code;
    }

    async Task<bool> ILoginGrain.RedeemCode(OneTimeCodePurpose purpose, string code)
    {
        if (S.UserId is null || !S.Codes.TryGetValue(purpose, out var stored) || stored.ExpiresAt <= time.GetUtcNow())
        {
            return false;
        }

        if (!FixedEquals(stored.Hash, Hash(code ?? "")))
        {
            // A six-digit code must not be guessable: it dies after a few wrong tries.
            S.Codes[purpose] = stored with { WrongGuesses = stored.WrongGuesses + 1 };
            if (stored.WrongGuesses + 1 >= MaxCodeGuesses)
            {
                S.Codes.Remove(purpose);
            }

            await state.WriteStateAsync();
            return false;
        }

        S.Codes.Remove(purpose);
        await state.WriteStateAsync();
        return true;
    }

    async Task ILoginGrain.Delete() => await state.ClearStateAsync();

    private async Task<bool> VerifySecondFactor(string code)
    {
        Existing();
        if (!S.TotpEnabled || S.TotpSecret is null || string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var normalized = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (Totp.Match(Base32.Decode(vault.Decrypt(S.TotpSecret, Binding)), normalized, time.GetUtcNow()) is { } step)
        {
            if (step <= S.LastTotpStep)
            {
                return false; // a code already used, replayed
            }

            S.LastTotpStep = step;
            await state.WriteStateAsync();
            return true;
        }

        var hash = Hash(normalized);
        if (S.BackupCodeHashes.FirstOrDefault(h => FixedEquals(h, hash)) is { } used)
        {
            S.BackupCodeHashes.Remove(used);
            await state.WriteStateAsync();
            return true;
        }

        return false;
    }

    private string Binding => $"login/{GetPrimaryKeyString()}/totp";

    private LoginRecord Record() => new(S.UserId!, S.PasswordHash, S.TotpEnabled, S.FailedAttempts, S.LockedUntil > time.GetUtcNow() ? S.LockedUntil : null);

    private void Existing()
    {
        if (S.UserId is null)
        {
            throw new InvalidOperationException("The login does not exist.");
        }
    }

    private static string NewBackupCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(5));

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static bool FixedEquals(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
