using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Webhooks;

/// <summary>Which webhook id belongs to a user (key: the user id).</summary>
public interface IUserWebhookGrain : IGrainWithStringKey
{
    /// <summary>A new webhook id and secret (the old id stops working); the secret is shown once.</summary>
    Task<WebhookSecret> Rotate();

    [ReadOnly]
    Task<string?> GetWebhookId();
}

/// <summary>The webhook id and its secret, returned only when rotated.</summary>
public sealed record WebhookSecret(string WebhookId, string Secret);
