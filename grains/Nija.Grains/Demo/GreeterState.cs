namespace Nija.Grains.Demo;

/// <summary>What a greeter remembers.</summary>
public sealed class GreeterState
{
    public int Count { get; set; }

    public string LastFrom { get; set; } = "";

    public DateTimeOffset LastAt { get; set; }
}
