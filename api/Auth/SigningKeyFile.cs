using System.Security.Cryptography;
using Microsoft.Extensions.Options;

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

        var path = Path.GetFullPath(Path.Combine(dataDir, "jwt-signing.key"));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(path, create);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        options.SigningKey = File.ReadAllText(path).Trim();
    }
}
