using Microsoft.Extensions.Options;
using System.Collections.Immutable;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Grains.Performance;
using Nija.Grains.Plans;
using Nija.Grains.Risk;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Trading;

/// <summary>
/// One tenant's trading. Non-reentrant on purpose: orders are checked and applied one at a time,
/// so concurrent requests can never together exceed a limit, and a retried client order id always
/// finds the first attempt. The order logic itself is <see cref="OrderProcessor"/>, shared with backtests.
/// </summary>
[GrainType("trading")]
public sealed partial class TradingGrain(
    [PersistentState("trading")] IPersistentState<TradingState> state,
    OrderProcessor processor,
    GlobalKillSwitchCache globalSwitch,
    IHistoryStore history,
    ExposureReporter exposure,
    PlanCatalog plans,
    LiveVenueReader venues,
    IOptions<HistoryOptions> historyOptions,
    TimeProvider time) : Grain, ITradingGrain
{
    private readonly Dictionary<string, (string Broker, decimal Notional)> _reported = new(StringComparer.Ordinal);
    private Nija.Runtime.Abstractions.Timers.IGrainTimer? _usageFlush;
    private bool _usageFlushArmed;

    private TradingState S => state.State;

    private string UserId => GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        processor.Initialize(S, UserId, time.GetUtcNow());
        await FlushHistoryAsync(); // whatever a crash left in the outbox
        await MoveEarlierFinalOrdersToHistoryAsync();
        _publishedThrough = S.Outbox.NextSeq - 1;
        await SubscribeToWorkingSymbols();
        if (S.Orders.Any(o => o.AwaitsExchange))
        {
            // After a restart or an outage: live orders sent before it are looked up before anything else runs.
            await ReconcileAndSaveAsync();
        }

        FollowLiveOrders();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushHistoryAsync();
        if (S.Quota.Dirty)
        {
            await SaveUsageAsync();
        }
    }

    async Task<PlaceOrderResult> ITradingGrain.PlaceOrder(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ClientOrderId is { } cid && await OrderByClientIdAsync(cid) is { } first)
        {
            return new PlaceOrderResult(first, Replayed: true);
        }

        OrderRequestValidator.Validate(request);
        var (price, venue) = await PriceAndVenueAsync(request);
        var settings = await GrainFactory.GetGrain<IUserSettingsGrain>(UserId).Get();
        var order = processor.Place(S, UserId, request, price, settings, globalSwitch.Current, time.GetUtcNow(), globalSwitch.ExposureOf(request.Symbol), venue);
        await SaveAsync(order.Id);
        if (order.OutcomeUnknown)
        {
            // Stored before it is sent: a crash from here on leaves an order reconciliation will find, never one nobody knows of.
            await SendAsync(order);
            await SaveAsync(order.Id);
        }

        FollowLiveOrders();
        await SubscribeToWorkingSymbols();
        return new PlaceOrderResult(order.ToView(), Replayed: false);
    }

    async Task<bool> ITradingGrain.CancelOrder(string orderId)
    {
        if (Find(orderId) is not { IsWorking: true } order)
        {
            return false;
        }

        if (order.IsLive && !order.IsHeld)
        {
            var unreachable = await CancelLiveAsync(order);
            await SaveAsync(order.Id);
            FollowLiveOrders();
            return unreachable is null
                ? order.Status == OrderStatus.Canceled
                : throw new InvalidOperationException($"{order.Broker} could not be reached to cancel the order ({unreachable}); it may still be open there and is reconciled.");
        }

        OrderProcessor.Cancel(S, order, time.GetUtcNow(), null);
        await SaveAsync(order.Id);
        FollowLiveOrders();
        return true;
    }

    Task<AccountView> ITradingGrain.GetAccount()
    {
        var positions = S.Account.Positions.Keys.Select(symbol => PositionOf("paper", symbol))
            .Concat(S.Live.SelectMany(l => l.Value.Book.Positions.Keys.Select(symbol => PositionOf(l.Key, symbol))))
            .OrderBy(p => p.Symbol, StringComparer.Ordinal).ThenBy(p => p.Broker, StringComparer.Ordinal).ToImmutableArray();
        var exchanges = S.Live.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new ExchangeAccountView(l.Key, l.Value.Book.Cash, l.Value.Book.Equity(), l.Value.EquityPeak, l.Value.Book.RealizedPnl, l.Value.Book.Positions.Count, l.Value.BalanceReadAt))
            .ToImmutableArray();
        return Task.FromResult(new AccountView(S.Account.Cash, S.Account.Equity(), S.EquityPeak, S.Account.RealizedPnl, positions, exchanges));
    }

    async Task ITradingGrain.SetPlan(PlanTier plan)
    {
        S.Plan = plan;
        await state.WriteStateAsync();
    }

    async Task<KillSwitchState> ITradingGrain.SetKillSwitch(KillSwitchLevel level, string reason, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = time.GetUtcNow();
        S.KillSwitch = new KillSwitchState(level, S.KillSwitch.Version + 1, reason, changedBy, now);
        OrderProcessor.RecordRisk(S, "UserKillSwitch", $"{level} by {changedBy}: {reason}", now);
        if (level is KillSwitchLevel.Stop or KillSwitchLevel.Flatten)
        {
            await HaltLiveAsync(flatten: level == KillSwitchLevel.Flatten, $"kill switch {level}");
        }

        if (level == KillSwitchLevel.Stop)
        {
            OrderProcessor.CancelWorking(S, now, $"kill switch {level}");
        }

        if (level == KillSwitchLevel.Flatten)
        {
            await CloseEverythingAsync($"kill switch {level}", now);
        }

        await SaveAsync();
        FollowLiveOrders();
        return S.KillSwitch;
    }

    async Task<int> ITradingGrain.FlattenForGlobalStop(string reason, string changedBy)
    {
        var now = time.GetUtcNow();
        var live = S.Live.Sum(l => l.Value.Book.Positions.Count);
        await HaltLiveAsync(flatten: true, "global kill switch Flatten");
        var closed = await CloseEverythingAsync("global kill switch Flatten", now) + live;
        if (closed > 0)
        {
            OrderProcessor.RecordRisk(S, "GlobalKillSwitch", $"Flatten by {changedBy}: {reason}; {closed} positions closed", now);
            await SaveAsync();
        }

        FollowLiveOrders();
        return closed;
    }

    /// <summary>Cancels working orders and closes every position at the last market price.</summary>
    private async Task<int> CloseEverythingAsync(string why, DateTimeOffset now)
    {
        OrderProcessor.CancelWorking(S, now, why);
        var symbols = S.Account.Positions.Keys.ToList();
        foreach (var symbol in symbols)
        {
            processor.Close(S, UserId, symbol, await GrainFactory.GetGrain<IMarketDataGrain>(symbol).GetLastPrice(), now);
        }

        return symbols.Count;
    }

    Task<ImmutableArray<RiskEvent>> ITradingGrain.GetRiskEvents(int take) =>
        Task.FromResult(S.RiskEvents.AsEnumerable().Reverse().Take(Math.Clamp(take, 0, OrderProcessor.RiskEventsKept)).ToImmutableArray());

    Task<ApiCallAllowance> ITradingGrain.CountApiCall()
    {
        // In memory on purpose: a per-minute window is not worth a write per request, and a restart forgets at most one minute.
        var now = time.GetUtcNow();
        var plan = plans.For(S.Plan);
        var limit = plan.ApiCallsPerMinute;
        // A plan without overage (Free) is blocked at its included calls instead of being charged for more.
        var verdict = S.Quota.TryCountCall(now, limit, plan.OverageApiCallUsd == 0 ? plan.IncludedApiCalls : 0);
        ArmUsageFlush();
        return Task.FromResult(verdict switch
        {
            CallVerdict.IncludedCallsUsed => new ApiCallAllowance(false, limit, 0, MonthEnd(now), "IncludedApiCalls"),
            CallVerdict.PerMinuteLimit => new ApiCallAllowance(false, limit, 0, S.Quota.MinuteWindowEnds(now), "ApiCallsPerMinute"),
            _ => new ApiCallAllowance(true, limit, Math.Max(0, limit - S.Quota.CallsThisMinute), S.Quota.MinuteWindowEnds(now)),
        });
    }

    private static DateTimeOffset MonthEnd(DateTimeOffset now) => new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

    Task<UsageView> ITradingGrain.GetUsage()
    {
        var now = time.GetUtcNow();
        var plan = plans.For(S.Plan);
        var today = S.Quota.TradesDay == DateOnly.FromDateTime(now.UtcDateTime) ? S.Quota.TradesToday : 0;
        var calls = S.Quota.CallsMinute == now.UtcTicks / TimeSpan.TicksPerMinute ? S.Quota.CallsThisMinute : 0;
        return Task.FromResult(new UsageView(S.Plan, today, plan.MaxDailyTrades, calls, plan.ApiCallsPerMinute, S.Account.Positions.Count, plan.MaxPositions));
    }

    Task<KillSwitchState> ITradingGrain.GetKillSwitch() => Task.FromResult(S.KillSwitch);

    Task<ImmutableArray<UsageDay>> ITradingGrain.GetUsageSeries(DateOnly from, DateOnly to) =>
        Task.FromResult(S.Quota.Days
            .Select(d => new UsageDay(DateOnly.ParseExact(d.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Value.ApiCalls, d.Value.Trades))
            .Where(d => d.Day >= from && d.Day <= to).ToImmutableArray());

    async Task ITradingGrain.SetLiveTradingSuspended(bool suspended)
    {
        if (S.LiveTradingSuspended != suspended)
        {
            S.LiveTradingSuspended = suspended;
            await state.WriteStateAsync();
        }
    }

    private async Task SaveUsageAsync()
    {
        S.Quota.Dirty = false;
        await state.WriteStateAsync();
    }

    // Metered calls are counted in memory and written at most a minute after the first unsaved one
    // (a write per request would cost more than the request). A one-shot timer, armed only while
    // there is something to write, so that an idle grain never ticks.
    private void ArmUsageFlush()
    {
        if (_usageFlushArmed || !S.Quota.Dirty)
        {
            return;
        }

        _usageFlush ??= RegisterGrainTimer(async _ =>
        {
            _usageFlushArmed = false;
            if (S.Quota.Dirty)
            {
                await SaveUsageAsync();
            }
        }, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _usageFlush.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        _usageFlushArmed = true;
    }

    async Task<PerformanceSummary> ITradingGrain.GetStats()
    {
        await FlushHistoryAsync();
        var trades = (await history.GetTradesAsync(UserId, 0, 100_000, CancellationToken.None)).OrderBy(t => t.Seq).ToList();
        var equity = await history.GetEquityAsync(UserId, EquityRecord.Paper, DateTimeOffset.MinValue.AddYears(1), DateTimeOffset.MaxValue.AddYears(-1), CancellationToken.None);
        var fills = await history.GetFillsAsync(UserId, 0, 1_000_000, CancellationToken.None);
        var stats = PerformanceCalculator.Compute([.. trades.Select(t => t.Pnl)], [.. equity.Select(e => (e.At, e.Equity))], fills.Sum(f => f.Fill.Price * f.Fill.Quantity));
        return stats with { TotalPnl = trades.Sum(t => t.Pnl) };
    }

    /// <summary>Writes the state (with its history outbox), then appends the outbox to the history store.</summary>
    private Task SaveAsync(string? placedOrderId = null) => SaveAsync(placedOrderId is null ? [] : [placedOrderId]);

    /// <summary>As <see cref="SaveAsync(string)"/>, announcing <paramref name="touched"/> orders as updated besides those the outbox names.</summary>
    private async Task SaveAsync(IReadOnlyList<string> touched)
    {
        OrderProcessor.ForgetFinal(S);
        await state.WriteStateAsync();
        var written = Unpublished();
        await AppendOrDeferHistoryAsync();
        ReportExposure();
        await PublishEventsAsync(written, touched);
    }

    // Each symbol whose exposure changed since the last report, and a zero for each one held then but not now.
    // An order moves one symbol: the rest are skipped, since the reporter's dictionaries are shared by every grain of the silo.
    private void ReportExposure()
    {
        var now = time.GetUtcNow();
        foreach (var (symbol, p) in S.Account.Positions)
        {
            var notional = p.Quantity * S.Account.Marks.GetValueOrDefault(symbol, p.AverageEntry);
            if (!_reported.TryGetValue(symbol, out var last) || last.Notional != notional || last.Broker != p.Broker)
            {
                exposure.Record(new ExposureEntry(UserId, p.Broker, symbol, notional, now));
                _reported[symbol] = (p.Broker, notional);
            }
        }

        if (_reported.Count > S.Account.Positions.Count)
        {
            foreach (var (symbol, gone) in _reported.Where(r => !S.Account.Positions.ContainsKey(r.Key)).ToList())
            {
                exposure.Record(new ExposureEntry(UserId, gone.Broker, symbol, 0, now));
                _reported.Remove(symbol);
            }
        }
    }

    private OrderState? Find(string id) => S.Orders.FirstOrDefault(o => o.Id == id && !o.Archived);
}
