using System.Collections.Immutable;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Trading;

/// <summary>
/// One tenant's trading (key: the user id from the signed-in identity): orders, positions, the paper
/// account, usage quotas, the user kill switch and the risk events raised against the user.
/// </summary>
public interface ITradingGrain : IGrainWithStringKey
{
    /// <summary>Checks and places an order. A rejected order is returned with its reason, not thrown.</summary>
    Task<PlaceOrderResult> PlaceOrder(PlaceOrderRequest request);

    /// <summary>Cancels an open order; false if it was already final or unknown.</summary>
    Task<bool> CancelOrder(string orderId);

    /// <summary>
    /// Orders, optionally only those in one status: the open ones first, newest first, then the final ones,
    /// the most recently final first (these are read from the history, so every order is listed, not only recent ones).
    /// </summary>
    [ReadOnly]
    Task<ImmutableArray<OrderView>> GetOrders(OrderStatus? status, int skip, int take);

    /// <summary>One order, open or final, by its id; null if the user has none with that id.</summary>
    [ReadOnly]
    Task<OrderView?> GetOrder(string orderId);

    /// <summary>The paper account's cash and equity, with every open position: paper and live (each naming its broker).</summary>
    [ReadOnly]
    Task<AccountView> GetAccount();

    /// <summary>New mark prices: working orders that are crossed fill, and P&amp;L is marked.</summary>
    Task OnPrices(ImmutableDictionary<string, decimal> prices);

    /// <summary>Sets the user's own kill switch; Flatten closes every position at market.</summary>
    Task<KillSwitchState> SetKillSwitch(KillSwitchLevel level, string reason, string changedBy);

    /// <summary>
    /// The global kill switch went to Flatten: cancels working orders and closes every position at
    /// market, leaving the user's own switch as it is; returns the positions closed.
    /// </summary>
    Task<int> FlattenForGlobalStop(string reason, string changedBy);

    /// <summary>Trades, win rate, P&amp;L, volume, profit factor, expectancy, drawdown, Sharpe and Sortino over the full history (P&amp;L realised).</summary>
    [ReadOnly]
    Task<PerformanceSummary> GetStats();

    /// <summary>Changes the plan whose limits apply (billing and admins call this).</summary>
    Task SetPlan(PlanTier plan);

    /// <summary>
    /// Counts one API call against the plan's per-minute limit. Counted here, in the user's grain,
    /// so that the limit holds however many API nodes the calls arrive on.
    /// </summary>
    Task<ApiCallAllowance> CountApiCall();

    /// <summary>Usage of the plan's limits (trades today, calls this minute, positions).</summary>
    [ReadOnly]
    Task<UsageView> GetUsage();

    /// <summary>Metered usage per UTC day between two days (inclusive), for billing and the usage chart.</summary>
    [ReadOnly]
    Task<ImmutableArray<UsageDay>> GetUsageSeries(DateOnly from, DateOnly to);

    /// <summary>Billing suspends live trading after the grace period of a failed payment (paper trading stays allowed).</summary>
    Task SetLiveTradingSuspended(bool suspended);

    /// <summary>The user's own kill switch.</summary>
    [ReadOnly]
    Task<KillSwitchState> GetKillSwitch();

    /// <summary>
    /// Asks each exchange about the user's live orders that await it (working, or sent without an
    /// answer) and applies what it says, then checks the stops Nija holds against each exchange's
    /// price; returns how many orders still await their exchange. Both also run by themselves on
    /// timers while there is anything to follow, and on activation.
    /// </summary>
    Task<int> Reconcile();

    /// <summary>Clears the auto-disable that consecutive broker errors set (admins only, with a reason).</summary>
    Task ResumeAfterBrokerErrors(string reason, string changedBy);

    /// <summary>The risk events raised against this user, newest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<RiskEvent>> GetRiskEvents(int take);

    /// <summary>
    /// Appends to the history tables what this user's orders have recorded but not yet appended (the
    /// append is deferred to carry several orders); a read of the user's history calls it first.
    /// </summary>
    Task AppendHistory();
}
