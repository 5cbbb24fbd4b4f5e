using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Exchange;
using Nija.Grains.Orders;
using Nija.Grains.Plans;
using Nija.Grains.Risk;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Trading;

/// <summary>
/// One tenant's trading. Non-reentrant on purpose: orders are checked and applied one at a time,
/// so concurrent requests can never together exceed a limit, and a retried client order id always
/// finds the first attempt. Order execution and price handling are in TradingGrain.Execution.cs.
/// </summary>
[GrainType("trading")]
public sealed partial class TradingGrain(
    [PersistentState("trading")] IPersistentState<TradingState> state,
    PaperExchange exchange,
    GlobalKillSwitchCache globalSwitch,
    IOptions<RiskOptions> risk,
    TimeProvider time) : Grain, ITradingGrain
{
    private const int OrdersKept = 20;
    private const int RiskEventsKept = 100;

    private TradingState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Initialized)
        {
            S.Initialized = true;
            S.Account.Cash = exchange.Options.StartingCashUsd;
            S.EquityPeak = S.Account.Cash;
            RollDay(time.GetUtcNow());
        }

        await SubscribeToWorkingSymbols();
    }

    async Task<PlaceOrderResult> ITradingGrain.PlaceOrder(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ClientOrderId is { } cid && S.ClientOrderIds.TryGetValue(cid, out var existing) && Find(existing) is { } first)
        {
            return new PlaceOrderResult(first.ToView(), Replayed: true);
        }

        OrderRequestValidator.Validate(request);
        var now = time.GetUtcNow();
        RollDay(now);
        var price = await GrainFactory.GetGrain<IMarketDataGrain>(request.Symbol).GetLastPrice();
        S.Account.Marks[request.Symbol] = price;
        var quantity = request.Quantity ?? Math.Round(request.SizeUsd!.Value / price, 8, MidpointRounding.ToZero);
        if (quantity <= 0)
        {
            throw new ArgumentException("sizeUsd is too small for one unit step at the current price.", "sizeUsd");
        }

        var settings = await GrainFactory.GetGrain<IUserSettingsGrain>(GetPrimaryKeyString()).Get();
        var plan = PlanCatalog.For(S.Plan);
        var order = NewOrder(request, quantity, now);
        var block = PreTradeCheck.Evaluate(new PreTradeContext(request, price, quantity, S.Account, S.EquityPeak, S.DayStartEquity, S.Quota,
            S.ConsecutiveBrokerErrors, S.KillSwitch, globalSwitch.Current, settings, plan, risk.Value, now));
        if (block is not null)
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = $"{block.Rule}: {block.Detail}";
            RecordRisk(block.Rule, $"{request.Side} {quantity} {request.Symbol} ({request.Type}) blocked: {block.Detail}", now);
        }
        else
        {
            S.Quota.TryCountTrade(now, plan.MaxDailyTrades);
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Submitted);
            Execute(order, price, now);
        }

        Remember(order);
        await state.WriteStateAsync();
        await SubscribeToWorkingSymbols();
        return new PlaceOrderResult(order.ToView(), Replayed: false);
    }

    async Task<bool> ITradingGrain.CancelOrder(string orderId)
    {
        if (Find(orderId) is not { IsWorking: true } order)
        {
            return false;
        }

        order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Canceled);
        order.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    Task<ImmutableArray<OrderView>> ITradingGrain.GetOrders(OrderStatus? status, int skip, int take) =>
        Task.FromResult(S.Orders.AsEnumerable().Reverse().Where(o => status is null || o.Status == status)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, OrdersKept)).Select(o => o.ToView()).ToImmutableArray());

    Task<AccountView> ITradingGrain.GetAccount()
    {
        var positions = S.Account.Positions.Select(p =>
        {
            var mark = S.Account.Marks.GetValueOrDefault(p.Key, p.Value.AverageEntry);
            return new PositionView(p.Value.Broker, p.Key, p.Value.Quantity, p.Value.AverageEntry, mark, p.Value.RealizedPnl,
                (mark - p.Value.AverageEntry) * p.Value.Quantity, p.Value.Fees);
        }).OrderBy(p => p.Symbol, StringComparer.Ordinal).ToImmutableArray();
        return Task.FromResult(new AccountView(S.Account.Cash, S.Account.Equity(), S.EquityPeak, S.Account.RealizedPnl, positions));
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
        RecordRisk("UserKillSwitch", $"{level} by {changedBy}: {reason}", now);
        if (level is KillSwitchLevel.Stop or KillSwitchLevel.Flatten)
        {
            CancelWorking(now, $"kill switch {level}");
        }

        if (level == KillSwitchLevel.Flatten)
        {
            await FlattenAsync(now);
        }

        await state.WriteStateAsync();
        return S.KillSwitch;
    }

    Task<ImmutableArray<RiskEvent>> ITradingGrain.GetRiskEvents(int take) =>
        Task.FromResult(S.RiskEvents.AsEnumerable().Reverse().Take(Math.Clamp(take, 0, RiskEventsKept)).ToImmutableArray());

    private OrderState NewOrder(PlaceOrderRequest r, decimal quantity, DateTimeOffset now) => new()
    {
        Id = $"{GetPrimaryKeyString()}-{S.NextOrderSeq++}",
        ClientOrderId = r.ClientOrderId,
        Broker = r.Broker,
        Symbol = r.Symbol,
        Side = r.Side,
        Type = r.Type,
        Quantity = quantity,
        LimitPrice = r.LimitPrice,
        StopPrice = r.StopPrice,
        TrailingPercent = r.TrailingPercent,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private OrderState? Find(string id) => S.Orders.FirstOrDefault(o => o.Id == id);

    private void Remember(OrderState order)
    {
        S.Orders.Add(order);
        if (order.ClientOrderId is { } cid)
        {
            S.ClientOrderIds[cid] = order.Id;
        }

        // Keep working orders and the most recent final ones; forget the client ids of what is dropped.
        while (S.Orders.Count > OrdersKept && S.Orders.FindIndex(o => !o.IsWorking) is var i and >= 0)
        {
            if (S.Orders[i].ClientOrderId is { } dropped)
            {
                S.ClientOrderIds.Remove(dropped);
            }

            S.Orders.RemoveAt(i);
        }
    }

    private void RecordRisk(string rule, string detail, DateTimeOffset now)
    {
        S.RiskEvents.Add(new RiskEvent(GetPrimaryKeyString(), rule, detail, now));
        if (S.RiskEvents.Count > RiskEventsKept)
        {
            S.RiskEvents.RemoveRange(0, S.RiskEvents.Count - RiskEventsKept);
        }
    }

    private void RollDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (S.Day != today)
        {
            S.Day = today;
            S.DayStartEquity = S.Account.Equity();
        }
    }
}
