namespace Nija.Grains.Exchange;

/// <summary>
/// The paper exchange's models: fees in basis points (maker for resting limit orders, taker for
/// everything that crosses), and a synthetic order book around the mid price that market orders
/// walk, so that size moves the price. Same seed, same prices, same fills.
/// </summary>
public sealed class PaperExchangeOptions
{
    public const string Section = "Nija:PaperExchange";

    public decimal StartingCashUsd { get; set; } = 1_000m;

    public decimal TakerFeeBps { get; set; } = 10m;

    public decimal MakerFeeBps { get; set; } = 2m;

    /// <summary>Distance of the best bid and ask from the mid.</summary>
    public decimal HalfSpreadBps { get; set; } = 2m;

    /// <summary>Distance between book levels.</summary>
    public decimal LevelSpacingBps { get; set; } = 3m;

    /// <summary>Average USD resting at each level (each level's depth varies around it with the seed).</summary>
    public decimal LevelNotionalUsd { get; set; } = 2_000m;

    public int Levels { get; set; } = 50;

    public int Seed { get; set; } = 7;
}
