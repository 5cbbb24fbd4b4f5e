namespace Nija.Grains.Webhooks;

public sealed class UserWebhookState
{
    public string? WebhookId { get; set; }
}
