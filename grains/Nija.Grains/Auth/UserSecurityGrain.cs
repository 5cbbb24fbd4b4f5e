using System.Collections.Immutable;
using System.Security.Cryptography;
using Nija.GrainInterfaces.Auth;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Auth;

/// <summary>A user's sessions and personal API keys. Keys look like "nija_" + 32 random bytes; only their SHA-256 is stored.</summary>
[GrainType("usersecurity")]
public sealed class UserSecurityGrain([PersistentState("security")] IPersistentState<UserSecurityState> state, TimeProvider time) : Grain, IUserSecurityGrain
{
    private const int SessionsKept = 50;
    private const int MaxActiveKeys = 20;

    async Task IUserSecurityGrain.AddSession(string familyId)
    {
        state.State.Sessions.Add(familyId);
        if (state.State.Sessions.Count > SessionsKept)
        {
            // The oldest session goes: revoke it so that the list stays a complete picture of live sessions.
            await GrainFactory.GetGrain<IRefreshTokenFamilyGrain>(state.State.Sessions[0]).Revoke();
            state.State.Sessions.RemoveAt(0);
        }

        await state.WriteStateAsync();
    }

    async Task<int> IUserSecurityGrain.RevokeAllSessions()
    {
        var sessions = state.State.Sessions.ToList();
        await Task.WhenAll(sessions.Select(id => GrainFactory.GetGrain<IRefreshTokenFamilyGrain>(id).Revoke()));
        state.State.Sessions.Clear();
        await state.WriteStateAsync();
        return sessions.Count;
    }

    async Task<CreatedApiKey> IUserSecurityGrain.CreateApiKey(string name, ApiKeyScope scope)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
        {
            throw new ArgumentException("name must be 1 to 64 characters.", nameof(name));
        }

        if (state.State.ApiKeys.Count(k => k.RevokedAt is null) >= MaxActiveKeys)
        {
            throw new InvalidOperationException($"At most {MaxActiveKeys} API keys can be active.");
        }

        var key = "nija_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var info = new ApiKeyInfo(id, name.Trim(), scope, key[..9], time.GetUtcNow(), null);
        var hash = ApiKeys.Hash(key);
        await GrainFactory.GetGrain<IApiKeyGrain>(hash).Create(GetPrimaryKeyString(), id, scope);
        state.State.ApiKeys.Add(info);
        state.State.ApiKeyHashes[id] = hash;
        await state.WriteStateAsync();
        return new CreatedApiKey(info, key);
    }

    Task<ImmutableArray<ApiKeyInfo>> IUserSecurityGrain.ListApiKeys() => Task.FromResult(state.State.ApiKeys.ToImmutableArray());

    async Task<bool> IUserSecurityGrain.RevokeApiKey(string id)
    {
        var index = state.State.ApiKeys.FindIndex(k => k.Id == id && k.RevokedAt is null);
        if (index < 0)
        {
            return false;
        }

        await GrainFactory.GetGrain<IApiKeyGrain>(state.State.ApiKeyHashes[id]).Revoke();
        state.State.ApiKeys[index] = state.State.ApiKeys[index] with { RevokedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        return true;
    }
}
