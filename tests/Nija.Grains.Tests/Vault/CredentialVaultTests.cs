using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nija.Grains.Vault;

namespace Nija.Grains.Tests.Vault;

public sealed class CredentialVaultTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private static CredentialVault Vault(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new VaultOptions { ActiveKeyId = active, MasterKeys = keys.ToDictionary(k => k.Id, k => k.Key) }));

    [Fact]
    public void AES_256_GCM_matches_the_published_test_vector()
    {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 14: 256-bit zero key, zero IV, one zero block.
        var (ciphertext, tag) = AesGcmCipher.Seal(new byte[32], new byte[12], new byte[16], []);

        Assert.Equal("cea7403d4d606b6e074ec5d3baf39d18", Convert.ToHexStringLower(ciphertext));
        Assert.Equal("d0d1c8a799996bf0265b98b5d48ab919", Convert.ToHexStringLower(tag));
    }

    [Fact]
    public void A_secret_round_trips_and_its_ciphertext_does_not_contain_it()
    {
        var vault = Vault("a", ("a", KeyA));

        var sealedSecret = vault.Encrypt("api-secret-123", "user-1/paper/apiSecret");

        Assert.Equal("api-secret-123", vault.Decrypt(sealedSecret, "user-1/paper/apiSecret"));
        Assert.DoesNotContain("api-secret", System.Text.Encoding.UTF8.GetString(sealedSecret.Ciphertext), StringComparison.Ordinal);
        Assert.Equal("EncryptedSecret(key a)", sealedSecret.ToString());
    }

    [Fact]
    public void A_secret_copied_to_another_tenant_does_not_decrypt()
    {
        var vault = Vault("a", ("a", KeyA));
        var sealedSecret = vault.Encrypt("s3cret", "user-1/paper/apiSecret");

        Assert.ThrowsAny<CryptographicException>(() => vault.Decrypt(sealedSecret, "user-2/paper/apiSecret"));
    }

    [Fact]
    public void A_tampered_secret_does_not_decrypt()
    {
        var vault = Vault("a", ("a", KeyA));
        var sealedSecret = vault.Encrypt("s3cret", "b");
        var flipped = sealedSecret.Ciphertext.ToArray();
        flipped[0] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => vault.Decrypt(sealedSecret with { Ciphertext = flipped }, "b"));
    }

    [Fact]
    public void Rotation_rewraps_the_data_key_under_the_new_master_key_and_the_old_key_can_then_go()
    {
        var old = Vault("a", ("a", KeyA));
        var sealedSecret = old.Encrypt("s3cret", "b");

        var both = Vault("b", ("a", KeyA), ("b", KeyB));
        var rotated = both.Rewrap(sealedSecret);
        var onlyNew = Vault("b", ("b", KeyB));

        Assert.Equal("b", rotated.KeyId);
        Assert.Equal(sealedSecret.Ciphertext, rotated.Ciphertext);
        Assert.Equal("s3cret", onlyNew.Decrypt(rotated, "b"));
        Assert.ThrowsAny<CryptographicException>(() => onlyNew.Decrypt(sealedSecret, "b"));
    }

    [Fact]
    public void Options_without_a_usable_active_key_are_refused()
    {
        var validator = new VaultOptionsValidator();

        Assert.True(validator.Validate(null, new VaultOptions { ActiveKeyId = "x", MasterKeys = new() { ["a"] = KeyA } }).Failed);
        Assert.True(validator.Validate(null, new VaultOptions { ActiveKeyId = "a", MasterKeys = new() { ["a"] = "c2hvcnQ=" } }).Failed);
        Assert.True(validator.Validate(null, new VaultOptions { ActiveKeyId = "a", MasterKeys = new() { ["a"] = KeyA } }).Succeeded);
    }
}
