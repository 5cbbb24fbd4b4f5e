using Nija.GrainInterfaces.Brokers;

namespace Nija.Grains.Brokers;

/// <summary>
/// One exchange behind one interface, like Lean's brokerages. Credentials are passed per call and
/// never kept. Adapters raise <see cref="ExchangeException"/> with the exchange's own code and message.
/// </summary>
public interface IExchangeAdapter
{
    string Name { get; }

    /// <summary>What a request of <paramref name="call"/> costs against the exchange's budget, in the exchange's own units.</summary>
    int Weight(ExchangeCall call);

    Task<ExchangePermissions> GetPermissionsAsync(ExchangeCredentials credentials, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExchangeBalance>> GetBalancesAsync(ExchangeCredentials credentials, CancellationToken cancellationToken);

    Task<ExchangeOrderAck> PlaceOrderAsync(ExchangeCredentials credentials, ExchangeOrder order, CancellationToken cancellationToken);

    /// <summary>The order placed with <paramref name="clientOrderId"/>, or null when the exchange never received it (how an unknown outcome is resolved).</summary>
    Task<ExchangeOrderReport?> GetOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken);

    /// <summary>The orders resting on <paramref name="symbol"/>.</summary>
    Task<IReadOnlyList<ExchangeOrderReport>> GetOpenOrdersAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken);

    /// <summary>Cancels the resting order <paramref name="clientOrderId"/>; false when there was none to cancel (unknown, or already done).</summary>
    Task<bool> CancelOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken);

    /// <summary>The account's trades on <paramref name="symbol"/>, oldest first.</summary>
    Task<IReadOnlyList<ExchangeFill>> GetFillsAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken);

    /// <summary>The last traded price of <paramref name="symbol"/> (a public call): what a live order is checked at.</summary>
    Task<decimal> GetPriceAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>What the exchange accepts for <paramref name="symbol"/> (a public call).</summary>
    Task<SymbolRules> GetSymbolRulesAsync(string symbol, CancellationToken cancellationToken);
}
