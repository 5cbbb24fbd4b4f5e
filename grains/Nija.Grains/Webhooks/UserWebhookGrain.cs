using System.Security.Cryptography;
using Nija.GrainInterfaces.Webhooks;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Webhooks;

/// <summary>Which webhook id is a user's. Rotating issues a new id and secret and disables the old id.</summary>
[GrainType("userwebhook")]
public sealed class UserWebhookGrain([PersistentState("userwebhook")] IPersistentState<UserWebhookState> state) : Grain, IUserWebhookGrain
{
    async Task<WebhookSecret> IUserWebhookGrain.Rotate()
    {
        var newId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secret = await GrainFactory.GetGrain<IWebhookGrain>(newId).Rotate(GetPrimaryKeyString());
        if (state.State.WebhookId is { } old)
        {
            await GrainFactory.GetGrain<IWebhookGrain>(old).Disable();
        }

        state.State.WebhookId = newId;
        await state.WriteStateAsync();
        return new WebhookSecret(newId, secret);
    }

    Task<string?> IUserWebhookGrain.GetWebhookId() => Task.FromResult(state.State.WebhookId);
}
