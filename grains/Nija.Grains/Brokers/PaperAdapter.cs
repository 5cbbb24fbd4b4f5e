namespace Nija.Grains.Brokers;

/// <summary>The paper exchange as a broker: any key is accepted and can never withdraw; orders go through the trading grain.</summary>
public sealed class PaperAdapter : IExchangeAdapter
{
    public string Name => "paper";

    public Task<ExchangePermissions> GetPermissionsAsync(ExchangeCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult(new ExchangePermissions(true, true, false));

    public Task<IReadOnlyList<ExchangeBalance>> GetBalancesAsync(ExchangeCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExchangeBalance>>([]);

    public Task<ExchangeOrderAck> PlaceOrderAsync(ExchangeCredentials credentials, ExchangeOrder order, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Paper orders are executed by the trading grain's paper exchange.");
}
