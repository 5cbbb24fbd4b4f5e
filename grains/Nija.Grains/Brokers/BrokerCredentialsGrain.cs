using System.Collections.Immutable;
using System.Security.Cryptography;
using Nija.GrainInterfaces.Brokers;
using Nija.Grains.Vault;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Brokers;

/// <summary>
/// Stores a tenant's exchange keys, sealed by the vault and bound to the tenant, after asking the
/// exchange whether the key can withdraw (refused if it can). No method returns a secret; the
/// trading path decrypts one only for the request that needs it.
/// </summary>
[GrainType("brokercredentials")]
public sealed partial class BrokerCredentialsGrain(
    [PersistentState("credentials")] IPersistentState<BrokerCredentialsState> state,
    CredentialVault vault,
    ExchangeAdapters adapters,
    TimeProvider time) : Grain, IBrokerCredentialsGrain
{
    private const int MaxCredentials = 20;

    async Task<BrokerCredentialInfo> IBrokerCredentialsGrain.Add(string broker, string apiKey, string apiSecret, string? passphrase)
    {
        var adapter = adapters.Get(broker);
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length is < 8 or > 256)
        {
            throw new ArgumentException("apiKey must be 8 to 256 characters.", nameof(apiKey));
        }

        if (string.IsNullOrWhiteSpace(apiSecret) || apiSecret.Length is < 8 or > 512)
        {
            throw new ArgumentException("apiSecret must be 8 to 512 characters.", nameof(apiSecret));
        }

        if (state.State.Credentials.Count >= MaxCredentials)
        {
            throw new InvalidOperationException($"At most {MaxCredentials} broker keys can be stored.");
        }

        var permissions = await BrokerGuard.RunAsync(GrainFactory, adapter.Name, adapter.Weight(ExchangeCall.Permissions),
            () => adapter.GetPermissionsAsync(new ExchangeCredentials(apiKey, apiSecret, passphrase), CancellationToken.None));
        if (permissions.CanWithdraw)
        {
            throw new InvalidOperationException($"The {adapter.Name} key can withdraw funds; create a key with trading permission only.");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string Bind(string field) => $"{GetPrimaryKeyString()}/{adapter.Name}/{id}/{field}";
        var stored = new StoredCredential
        {
            Id = id,
            Broker = adapter.Name,
            KeyHint = "…" + apiKey[^4..],
            AddedAt = time.GetUtcNow(),
            ApiKey = vault.Encrypt(apiKey, Bind("apiKey")),
            ApiSecret = vault.Encrypt(apiSecret, Bind("apiSecret")),
            Passphrase = passphrase is null ? null : vault.Encrypt(passphrase, Bind("passphrase")),
        };
        state.State.Credentials.Add(stored);
        await state.WriteStateAsync();
        return Info(stored);
    }

    Task<ImmutableArray<BrokerCredentialInfo>> IBrokerCredentialsGrain.List() =>
        Task.FromResult(state.State.Credentials.Select(Info).ToImmutableArray());

    async Task<bool> IBrokerCredentialsGrain.Remove(string id)
    {
        if (state.State.Credentials.RemoveAll(c => c.Id == id) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    async Task<int> IBrokerCredentialsGrain.RotateKeys()
    {
        var changed = 0;
        foreach (var c in state.State.Credentials)
        {
            var before = (c.ApiKey!.KeyId, c.ApiSecret!.KeyId, c.Passphrase?.KeyId);
            c.ApiKey = vault.Rewrap(c.ApiKey);
            c.ApiSecret = vault.Rewrap(c.ApiSecret);
            c.Passphrase = c.Passphrase is null ? null : vault.Rewrap(c.Passphrase);
            changed += before == (c.ApiKey.KeyId, c.ApiSecret.KeyId, c.Passphrase?.KeyId) ? 0 : 1;
        }

        if (changed > 0)
        {
            await state.WriteStateAsync();
        }

        return changed;
    }

    private static BrokerCredentialInfo Info(StoredCredential c) => new(c.Id, c.Broker, c.KeyHint, c.AddedAt);
}
