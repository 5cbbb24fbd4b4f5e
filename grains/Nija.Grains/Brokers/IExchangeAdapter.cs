namespace Nija.Grains.Brokers;

/// <summary>
/// One exchange behind one interface, like Lean's brokerages. Credentials are passed per call and
/// never kept. Adapters raise <see cref="ExchangeException"/> with the exchange's own code and message.
/// </summary>
public interface IExchangeAdapter
{
    string Name { get; }

    Task<ExchangePermissions> GetPermissionsAsync(ExchangeCredentials credentials, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExchangeBalance>> GetBalancesAsync(ExchangeCredentials credentials, CancellationToken cancellationToken);

    Task<ExchangeOrderAck> PlaceOrderAsync(ExchangeCredentials credentials, ExchangeOrder order, CancellationToken cancellationToken);
}
