using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Brokers;

/// <summary>
/// A tenant's exchange credentials (key: the user id), encrypted at rest under envelope encryption.
/// Keys whose exchange reports withdrawal permission are refused.
/// </summary>
public interface IBrokerCredentialsGrain : IGrainWithStringKey
{
    Task<BrokerCredentialInfo> Add(string broker, string apiKey, string apiSecret, string? passphrase);

    [ReadOnly]
    Task<ImmutableArray<BrokerCredentialInfo>> List();

    Task<bool> Remove(string id);

    /// <summary>Rewraps every stored secret under the vault's active master key; returns how many changed.</summary>
    Task<int> RotateKeys();
}
