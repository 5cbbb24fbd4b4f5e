namespace Nija.Grains.Vault;

/// <summary>
/// A secret under envelope encryption: the value is sealed with a fresh data key, and the data key
/// is sealed with the master key named by <see cref="KeyId"/>. Rotating the master key rewraps only
/// the data key. Nothing here is readable without the master key.
/// </summary>
public sealed record EncryptedSecret(
    string KeyId,
    byte[] WrappedKey,
    byte[] WrapNonce,
    byte[] WrapTag,
    byte[] Nonce,
    byte[] Ciphertext,
    byte[] Tag)
{
    /// <summary>Never prints the material, so a secret that reaches a log shows nothing.</summary>
    public override string ToString() => $"EncryptedSecret(key {KeyId})";
}
