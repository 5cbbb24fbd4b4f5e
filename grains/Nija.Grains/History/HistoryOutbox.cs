using Nija.GrainInterfaces.History;

namespace Nija.Grains.History;

/// <summary>
/// History written by the order path but not yet appended to the history store: part of the grain's
/// state, so it is saved with the change that produced it and appended after (a transactional
/// outbox). Every item has a per-user sequence number; the store ignores a sequence it already has,
/// so appending twice after a crash writes nothing twice.
/// </summary>
public sealed class HistoryOutbox
{
    public long NextSeq { get; set; } = 1;

    public List<FillRecord> Fills { get; set; } = [];

    public List<OrderRecord> Orders { get; set; } = [];

    public List<TradeRecord> Trades { get; set; } = [];

    public List<RiskEventRecord> RiskEvents { get; set; } = [];

    public List<EquityRecord> Equity { get; set; } = [];

    public bool IsEmpty => Fills.Count + Orders.Count + Trades.Count + RiskEvents.Count + Equity.Count == 0;

    /// <summary>A copy of what is waiting, leaving it in place until <see cref="Clear"/>.</summary>
    public HistoryBatch Peek() => new([.. Fills], [.. Orders], [.. Trades], [.. RiskEvents], [.. Equity]);

    public void Clear()
    {
        Fills.Clear();
        Orders.Clear();
        Trades.Clear();
        RiskEvents.Clear();
        Equity.Clear();
    }
}

/// <summary>What one append writes.</summary>
public sealed record HistoryBatch(
    IReadOnlyList<FillRecord> Fills,
    IReadOnlyList<OrderRecord> Orders,
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<RiskEventRecord> RiskEvents,
    IReadOnlyList<EquityRecord> Equity);
