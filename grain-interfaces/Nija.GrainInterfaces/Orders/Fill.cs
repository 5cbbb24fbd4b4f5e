namespace Nija.GrainInterfaces.Orders;

/// <summary>One execution of (part of) an order.</summary>
/// <param name="Price">The execution price.</param>
/// <param name="Quantity">The quantity executed.</param>
/// <param name="Fee">The fee in USD.</param>
/// <param name="IsMaker">Whether the fill added liquidity (maker fee) or took it (taker fee).</param>
/// <param name="At">When it executed.</param>
public sealed record Fill(decimal Price, decimal Quantity, decimal Fee, bool IsMaker, DateTimeOffset At);
