namespace Nija.Grains.Strategies;

/// <summary>
/// A trading strategy: sees each price of each symbol it trades, in order, and may answer with a
/// signal. It never places orders itself: <see cref="StrategyDriver"/> turns signals into orders,
/// which go through the same checks as manual ones, live, on paper and in backtests.
/// </summary>
public interface IStrategy
{
    string Name { get; }

    Signal? OnPrice(string symbol, decimal price, DateTimeOffset at, bool holding);
}
