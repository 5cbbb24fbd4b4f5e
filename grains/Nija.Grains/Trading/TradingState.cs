using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.Grains.Exchange;
using Nija.Grains.History;
using Nija.Grains.Plans;
using Nija.Grains.Protections;

namespace Nija.Grains.Trading;

/// <summary>
/// One tenant's trading state. Lists are bounded (recent orders, recent risk events) so that the
/// state of an idle tenant stays small; the full history goes to append-only tables (a later step).
/// </summary>
public sealed class TradingState
{
    public bool Initialized { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>History not yet appended to the history store (see <see cref="HistoryOutbox"/>).</summary>
    public HistoryOutbox Outbox { get; set; } = new();

    public PlanTier Plan { get; set; } = PlanTier.Free;

    public PaperAccount Account { get; set; } = new();

    public decimal EquityPeak { get; set; }

    public DateOnly Day { get; set; }

    public decimal DayStartEquity { get; set; }

    public long NextOrderSeq { get; set; } = 1;

    /// <summary>
    /// Open orders (and live ones still awaiting their exchange). A final order leaves at the next save: its
    /// record waits in the <see cref="Outbox"/> and then lives in the history, so the state stays small.
    /// </summary>
    public List<OrderState> Orders { get; set; } = [];

    public UsageQuota Quota { get; set; } = new();

    /// <summary>Set by billing after a failed payment's grace period: only paper orders until paid.</summary>
    public bool LiveTradingSuspended { get; set; }

    public KillSwitchState KillSwitch { get; set; } = KillSwitchState.Initial;

    public int ConsecutiveBrokerErrors { get; set; }

    /// <summary>Accounts on real exchanges, by broker name.</summary>
    public Dictionary<string, LiveAccount> Live { get; set; } = new(StringComparer.Ordinal);

    public LiveAccount LiveOf(string broker) => Live.TryGetValue(broker, out var a) ? a : Live[broker] = new LiveAccount();

    public List<RiskEvent> RiskEvents { get; set; } = [];

    public List<ClosedTrade> RecentTrades { get; set; } = [];

    public List<ProtectionLock> Locks { get; set; } = [];
}
