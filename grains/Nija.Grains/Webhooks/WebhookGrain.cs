using System.Collections.Immutable;
using System.Security.Cryptography;
using Nija.GrainInterfaces.Webhooks;
using Nija.Grains.Vault;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Webhooks;

/// <summary>
/// One webhook endpoint. The secret is sealed by the vault and never leaves the grain after it is
/// issued; every delivery, accepted or not, is kept (the newest 200) with its outcome.
/// </summary>
[GrainType("webhook")]
public sealed class WebhookGrain([PersistentState("webhook")] IPersistentState<WebhookState> state, CredentialVault vault, TimeProvider time) : Grain, IWebhookGrain
{
    private const int DeliveriesKept = 200;
    private static readonly TimeSpan SeenKept = TimeSpan.FromDays(1);

    private WebhookState S => state.State;

    async Task<string> IWebhookGrain.Rotate(string userId)
    {
        if (S.UserId is not null && S.UserId != userId)
        {
            throw new InvalidOperationException("This webhook id belongs to another user.");
        }

        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        S.UserId = userId;
        S.Secret = vault.Encrypt(secret, Binding);
        S.Disabled = false;
        await state.WriteStateAsync();
        return secret;
    }

    async Task IWebhookGrain.Disable()
    {
        S.Disabled = true;
        await state.WriteStateAsync();
    }

    async Task<WebhookVerdict> IWebhookGrain.Verify(string signatureHeader, string body, string? alertId)
    {
        var now = time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string? error;
        if (S.UserId is null || S.Secret is null || S.Disabled)
        {
            // Unknown ids are not recorded: a scanner must not be able to fill anyone's log.
            return new WebhookVerdict(false, null, id, "Unknown webhook.");
        }

        error = WebhookSignature.Check(vault.Decrypt(S.Secret, Binding), signatureHeader, body ?? "", now, out var signature);
        var replayKey = alertId is { Length: > 0 } ? "alert:" + alertId : "sig:" + signature;
        if (error is null && S.Seen.ContainsKey(replayKey))
        {
            error = alertId is null ? "This signed delivery was already accepted." : $"Alert '{alertId}' was already accepted.";
        }

        if (error is null)
        {
            S.Seen[replayKey] = now;
            foreach (var old in S.Seen.Where(kv => now - kv.Value > SeenKept).Select(kv => kv.Key).ToList())
            {
                S.Seen.Remove(old);
            }
        }

        Record(new WebhookDelivery(id, now, alertId, error is null, error ?? "accepted"));
        await state.WriteStateAsync();
        return new WebhookVerdict(error is null, error is null ? S.UserId : null, id, error);
    }

    async Task IWebhookGrain.RecordOutcome(string deliveryId, string outcome)
    {
        var index = S.Deliveries.FindIndex(d => d.Id == deliveryId);
        if (index >= 0)
        {
            S.Deliveries[index] = S.Deliveries[index] with { Outcome = outcome };
            await state.WriteStateAsync();
        }
    }

    Task<ImmutableArray<WebhookDelivery>> IWebhookGrain.Deliveries(int take) =>
        Task.FromResult(S.Deliveries.AsEnumerable().Reverse().Take(Math.Clamp(take, 1, DeliveriesKept)).ToImmutableArray());

    private void Record(WebhookDelivery delivery)
    {
        S.Deliveries.Add(delivery);
        if (S.Deliveries.Count > DeliveriesKept)
        {
            S.Deliveries.RemoveAt(0);
        }
    }

    private string Binding => $"webhook/{GetPrimaryKeyString()}";
}
