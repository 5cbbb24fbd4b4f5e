namespace Nija.Grains.Strategies;

/// <summary>The strategies by name; each call gives a fresh instance (strategies keep indicator state).</summary>
public static class StrategyCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["apex-dual-rsi"];

    public static IStrategy Create(string name) => name switch
    {
        "apex-dual-rsi" => new ApexDualRsiStrategy(),
        _ => throw new ArgumentException($"strategy must be one of: {string.Join(", ", Names)}.", "strategy"),
    };
}
