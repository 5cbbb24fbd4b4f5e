namespace Nija.Grains.Brokers;

/// <summary>The kinds of exchange request, each weighed against the exchange's budget by its adapter.</summary>
public enum ExchangeCall
{
    Permissions,
    Balances,
    Price,
    Place,
    Query,
    Cancel,
    Fills,
}
