using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nija.Grains.Vault;

namespace Nija.Api.Auth;

/// <summary>
/// The embedded default's token signing key: with none configured, 32 random bytes are written once
/// to {DataDir}/jwt-signing.key (owner-only) so that tokens survive a restart.
/// </summary>
internal sealed class SigningKeyFile(string dataDir) : IPostConfigureOptions<AuthOptions>
{
    public void PostConfigure(string? name, AuthOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return;
        }

        var path = OwnerOnlyFile.Ensure(Path.Combine(dataDir, "jwt-signing.key"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        options.SigningKey = File.ReadAllText(path).Trim();
    }
}
