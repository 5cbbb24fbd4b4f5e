using Nija.GrainInterfaces.Auth;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Auth;

/// <summary>Resolves a personal API key to its owner; keyed by the key's hash.</summary>
[GrainType("apikey")]
public sealed class ApiKeyGrain([PersistentState("apikey")] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    async Task IApiKeyGrain.Create(string userId, string id, ApiKeyScope scope)
    {
        if (state.State.Owner is not null)
        {
            throw new InvalidOperationException("The API key already exists.");
        }

        state.State.Owner = new ApiKeyOwner(userId, id, scope);
        await state.WriteStateAsync();
    }

    Task<ApiKeyOwner?> IApiKeyGrain.Resolve() => Task.FromResult(state.State.Revoked ? null : state.State.Owner);

    async Task IApiKeyGrain.Revoke()
    {
        state.State.Revoked = true;
        await state.WriteStateAsync();
    }
}
