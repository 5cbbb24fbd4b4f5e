namespace Nija.Grains.Brokers;

/// <summary>The configured exchange adapters by name.</summary>
public sealed class ExchangeAdapters(IEnumerable<IExchangeAdapter> adapters)
{
    private readonly Dictionary<string, IExchangeAdapter> _byName = adapters.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IExchangeAdapter Get(string broker) =>
        _byName.TryGetValue(broker ?? "", out var adapter)
            ? adapter
            : throw new ArgumentException($"broker must be one of: {string.Join(", ", _byName.Keys.Order())}.", nameof(broker));
}
