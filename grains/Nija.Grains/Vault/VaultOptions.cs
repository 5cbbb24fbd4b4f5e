using Microsoft.Extensions.Options;

namespace Nija.Grains.Vault;

/// <summary>
/// Master keys, bound from <c>Nija:Vault</c>: base64 32-byte keys by id, inline or in a secret file
/// (one "id=base64" per line), and the id new secrets are sealed with.
/// </summary>
public sealed class VaultOptions
{
    public const string Section = "Nija:Vault";

    public Dictionary<string, string> MasterKeys { get; set; } = [];

    public string? MasterKeyFile { get; set; }

    public string ActiveKeyId { get; set; } = "";

    /// <summary>The keys from both sources, decoded.</summary>
    public IReadOnlyDictionary<string, byte[]> LoadKeys()
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in MasterKeys)
        {
            keys[id] = Convert.FromBase64String(value);
        }

        if (!string.IsNullOrWhiteSpace(MasterKeyFile))
        {
            foreach (var line in File.ReadAllLines(MasterKeyFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                keys[line[..eq].Trim()] = Convert.FromBase64String(line[(eq + 1)..].Trim());
            }
        }

        return keys;
    }
}

/// <summary>Refuses to start without a usable active master key; never echoes key material.</summary>
public sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyDictionary<string, byte[]> keys;
        try
        {
            keys = options.LoadKeys();
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return ValidateOptionsResult.Fail($"{VaultOptions.Section}: master keys could not be read ({e.GetType().Name}); each must be base64 of 32 bytes.");
        }

        var errors = keys.Where(k => k.Value.Length != AesGcmCipher.KeySize).Select(k => $"{VaultOptions.Section}:MasterKeys:{k.Key} must be 32 bytes (base64).").ToList();
        if (!keys.ContainsKey(options.ActiveKeyId))
        {
            errors.Add($"{VaultOptions.Section}:ActiveKeyId must name one of the master keys.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
