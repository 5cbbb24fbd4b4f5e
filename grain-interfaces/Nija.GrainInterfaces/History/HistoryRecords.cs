using Nija.GrainInterfaces.Orders;

namespace Nija.GrainInterfaces.History;

/// <summary>A fill in the append-only history.</summary>
public sealed record FillRecord(string UserId, long Seq, string OrderId, string Symbol, OrderSide Side, Fill Fill);

/// <summary>A trade that realised P&amp;L (a position reduction), in the append-only history.</summary>
public sealed record TradeRecord(string UserId, long Seq, string OrderId, string Symbol, DateTimeOffset ClosedAt, decimal Pnl, decimal ProfitRatio, bool ByStop);

/// <summary>An equity snapshot of one account (the paper account, or the user's account on an exchange), taken after each order that filled there.</summary>
public sealed record EquityRecord(string UserId, long Seq, DateTimeOffset At, decimal Equity, decimal Cash, string Account = EquityRecord.Paper)
{
    public const string Paper = "paper";
}

/// <summary>A risk event in the append-only history.</summary>
public sealed record RiskEventRecord(string UserId, long Seq, string Rule, string Detail, DateTimeOffset At);

/// <summary>An order that reached a final state.</summary>
public sealed record OrderRecord(string UserId, long Seq, OrderView Order);
