namespace Nija.Grains.Demo;

/// <summary>What a counter remembers: the value and the operation ids already applied.</summary>
public sealed class CounterState
{
    public long Value { get; set; }

    public long Ticks { get; set; }

    public HashSet<string> Applied { get; set; } = [];
}
