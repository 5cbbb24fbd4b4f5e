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

    /// <summary>
    /// Sends an order to <paramref name="broker"/> with the newest key stored for it; the key is
    /// decrypted here, for this request only, and never leaves the grain.
    /// </summary>
    Task<ExchangeSubmission> PlaceOrder(string broker, ExchangeOrder order);

    /// <summary>The order with <paramref name="clientOrderId"/>, or null when the exchange never received it. Throws when the exchange cannot be asked.</summary>
    [ReadOnly]
    Task<ExchangeOrderReport?> GetOrder(string broker, string symbol, string clientOrderId);

    /// <summary>Cancels a resting order; false when there was nothing to cancel. Throws when the exchange cannot be asked.</summary>
    Task<bool> CancelOrder(string broker, string symbol, string clientOrderId);

    /// <summary>The account's trades on <paramref name="symbol"/>, oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<ExchangeFill>> GetFills(string broker, string symbol);

    /// <summary>The account's balances on <paramref name="broker"/>.</summary>
    [ReadOnly]
    Task<ImmutableArray<ExchangeBalance>> GetBalances(string broker);
}
