using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Nija.Grains.Vault;

/// <summary>
/// Envelope encryption of broker credentials with AES-256-GCM. The associated data binds a secret
/// to its owner and purpose ("user/broker/field"): a ciphertext copied to another tenant does not
/// decrypt. Secrets are never logged (<see cref="EncryptedSecret.ToString"/> hides them).
/// </summary>
public sealed class CredentialVault
{
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public CredentialVault(IOptions<VaultOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Value.LoadKeys();
        _activeKeyId = options.Value.ActiveKeyId;
    }

    public string ActiveKeyId => _activeKeyId;

    public EncryptedSecret Encrypt(string plaintext, string binding)
    {
        var dataKey = RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(AesGcmCipher.NonceSize);
            var (ciphertext, tag) = AesGcmCipher.Seal(dataKey, nonce, Encoding.UTF8.GetBytes(plaintext), Encoding.UTF8.GetBytes(binding));
            var (wrapNonce, wrapped, wrapTag) = Wrap(_activeKeyId, dataKey);
            return new EncryptedSecret(_activeKeyId, wrapped, wrapNonce, wrapTag, nonce, ciphertext, tag);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Decrypts; throws <see cref="CryptographicException"/> if the secret was altered or belongs to another binding.</summary>
    public string Decrypt(EncryptedSecret secret, string binding)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var dataKey = Unwrap(secret);
        try
        {
            return Encoding.UTF8.GetString(AesGcmCipher.Open(dataKey, secret.Nonce, secret.Ciphertext, secret.Tag, Encoding.UTF8.GetBytes(binding)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Rotation: the same secret with its data key rewrapped under the active master key.</summary>
    public EncryptedSecret Rewrap(EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.KeyId == _activeKeyId)
        {
            return secret;
        }

        var dataKey = Unwrap(secret);
        try
        {
            var (wrapNonce, wrapped, wrapTag) = Wrap(_activeKeyId, dataKey);
            return secret with { KeyId = _activeKeyId, WrappedKey = wrapped, WrapNonce = wrapNonce, WrapTag = wrapTag };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private (byte[] Nonce, byte[] Wrapped, byte[] Tag) Wrap(string keyId, byte[] dataKey)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcmCipher.NonceSize);
        var (wrapped, tag) = AesGcmCipher.Seal(Master(keyId), nonce, dataKey, Encoding.UTF8.GetBytes("nija-data-key:" + keyId));
        return (nonce, wrapped, tag);
    }

    private byte[] Unwrap(EncryptedSecret s) =>
        AesGcmCipher.Open(Master(s.KeyId), s.WrapNonce, s.WrappedKey, s.WrapTag, Encoding.UTF8.GetBytes("nija-data-key:" + s.KeyId));

    private byte[] Master(string keyId) =>
        _keys.TryGetValue(keyId, out var key) ? key : throw new CryptographicException($"Master key '{keyId}' is not configured.");
}
