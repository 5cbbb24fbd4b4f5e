using Nija.Grains.Vault;

namespace Nija.Grains.Brokers;

/// <summary>A credential at rest: every secret part sealed by the vault, bound to its owner, broker, id and field.</summary>
public sealed class StoredCredential
{
    public string Id { get; set; } = "";

    public string Broker { get; set; } = "";

    public string KeyHint { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }

    public EncryptedSecret? ApiKey { get; set; }

    public EncryptedSecret? ApiSecret { get; set; }

    public EncryptedSecret? Passphrase { get; set; }
}
