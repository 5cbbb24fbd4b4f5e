using Nija.GrainInterfaces.Brokers;

namespace Nija.Grains.Brokers;

/// <summary>The paper exchange as a broker: any key is accepted and can never withdraw; orders go through the trading grain.</summary>
public sealed class PaperAdapter : IExchangeAdapter
{
    private const string InGrain = "Paper orders are executed by the trading grain's paper exchange.";

    public string Name => "paper";

    public int Weight(ExchangeCall call) => 1;

    public Task<ExchangePermissions> GetPermissionsAsync(ExchangeCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult(new ExchangePermissions(true, true, false));

    public Task<IReadOnlyList<ExchangeBalance>> GetBalancesAsync(ExchangeCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExchangeBalance>>([]);

    public Task<ExchangeOrderAck> PlaceOrderAsync(ExchangeCredentials credentials, ExchangeOrder order, CancellationToken cancellationToken) =>
        throw new NotSupportedException(InGrain);

    public Task<ExchangeOrderReport?> GetOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException(InGrain);

    public Task<IReadOnlyList<ExchangeOrderReport>> GetOpenOrdersAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken) =>
        throw new NotSupportedException(InGrain);

    public Task<bool> CancelOrderAsync(ExchangeCredentials credentials, string symbol, string clientOrderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException(InGrain);

    public Task<IReadOnlyList<ExchangeFill>> GetFillsAsync(ExchangeCredentials credentials, string symbol, CancellationToken cancellationToken) =>
        throw new NotSupportedException(InGrain);

    public Task<decimal> GetPriceAsync(string symbol, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Paper prices come from the market data grains.");

    // The paper exchange takes any quantity to 8 decimals and any price.
    public Task<SymbolRules> GetSymbolRulesAsync(string symbol, CancellationToken cancellationToken) =>
        Task.FromResult(new SymbolRules(symbol, 0.00000001m, null, 0.00000001m, 0m, 0m, 1));
}
