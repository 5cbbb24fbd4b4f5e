namespace Nija.Grains.Strategies;

/// <summary>What a strategy wants: to enter a long position or to exit it, and why.</summary>
public sealed record Signal(string Symbol, SignalKind Kind, string Reason);

public enum SignalKind
{
    EnterLong,
    ExitLong,
}
