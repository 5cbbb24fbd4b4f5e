using System.Collections.Concurrent;

namespace Nija.Grains.Brokers;

/// <summary>
/// Each exchange's symbol rules, read once an hour per silo: they change rarely, and Binance weighs
/// exchangeInfo at 20 requests, too much to pay on every order.
/// </summary>
public sealed class SymbolRulesCache(TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Broker, string Symbol), (SymbolRules Rules, DateTimeOffset ReadAt)> _rules = new();

    public async Task<SymbolRules> GetAsync(IExchangeAdapter adapter, string symbol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var now = time.GetUtcNow();
        if (_rules.TryGetValue((adapter.Name, symbol), out var kept) && now - kept.ReadAt < KeptFor)
        {
            return kept.Rules;
        }

        var rules = await adapter.GetSymbolRulesAsync(symbol, cancellationToken);
        _rules[(adapter.Name, symbol)] = (rules, now);
        return rules;
    }
}
