namespace Nija.GrainInterfaces.Trading;

/// <summary>A position in one symbol on one broker account.</summary>
public sealed record PositionView(
    string Broker,
    string Symbol,
    decimal Quantity,
    decimal AverageEntry,
    decimal MarkPrice,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Fees);
