using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Nija.Grains.Vault;

/// <summary>
/// The embedded default's master key: with no key configured, a random one is created once in
/// {DataDir}/vault.key (owner-only permissions) and used from then on. Clusters configure
/// Nija:Vault:MasterKeys or Nija:Vault:MasterKeyFile from a secret instead.
/// </summary>
public sealed class LocalVaultKeyFile(string dataDir) : IPostConfigureOptions<VaultOptions>
{
    public const string LocalKeyId = "local-1";

    public void PostConfigure(string? name, VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MasterKeys.Count > 0 || !string.IsNullOrWhiteSpace(options.MasterKeyFile))
        {
            return;
        }

        var path = OwnerOnlyFile.Ensure(Path.Combine(dataDir, "vault.key"),
            () => $"{LocalKeyId}={Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize))}{Environment.NewLine}");
        options.MasterKeyFile = path;
        if (string.IsNullOrWhiteSpace(options.ActiveKeyId))
        {
            options.ActiveKeyId = LocalKeyId;
        }
    }
}
