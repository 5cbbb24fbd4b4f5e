using Nija.GrainInterfaces.Webhooks;
using Nija.Grains.Vault;

namespace Nija.Grains.Webhooks;

public sealed class WebhookState
{
    public string? UserId { get; set; }

    public EncryptedSecret? Secret { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Alert ids (or signatures) accepted, with when, kept past the timestamp tolerance.</summary>
    public Dictionary<string, DateTimeOffset> Seen { get; set; } = [];

    public List<WebhookDelivery> Deliveries { get; set; } = [];
}
