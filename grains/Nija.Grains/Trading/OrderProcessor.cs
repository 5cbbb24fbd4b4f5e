using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Exchange;
using Nija.Grains.Orders;
using Nija.Grains.Plans;
using Nija.Grains.Protections;
using Nija.Grains.Risk;

namespace Nija.Grains.Trading;

/// <summary>
/// Everything an order goes through, on a <see cref="TradingState"/>: pre-trade checks, quota,
/// execution on the paper exchange, working orders on later prices. The trading grain (live and
/// paper) and the backtest engine both use this one class, so the same ticks give the same fills.
/// </summary>
public sealed class OrderProcessor(PaperExchange exchange, RiskOptions risk, ProtectionOptions protections, PlanCatalog? plans = null)
{
    public const int OrdersKept = 20;
    public const int RiskEventsKept = 100;

    public PaperExchange Exchange => exchange;

    public void Initialize(TradingState s, string userId, DateTimeOffset now)
    {
        if (s.Initialized)
        {
            return;
        }

        s.Initialized = true;
        s.UserId = userId;
        s.Account.Cash = exchange.Options.StartingCashUsd;
        s.EquityPeak = s.Account.Cash;
        RollDay(s, now);
    }

    /// <summary>Checks and executes a validated request at <paramref name="price"/>; the order is stored in the state, rejected or not.</summary>
    public OrderState Place(TradingState s, string userId, PlaceOrderRequest request, decimal price, UserSettings settings, KillSwitchState globalSwitch, DateTimeOffset now, decimal platformSymbolExposure = 0)
    {
        RollDay(s, now);
        s.Account.Marks[request.Symbol] = price;
        var quantity = request.Quantity ?? Math.Round(request.SizeUsd!.Value / price, 8, MidpointRounding.ToZero);
        if (quantity <= 0)
        {
            throw new ArgumentException("sizeUsd is too small for one unit step at the current price.", "sizeUsd");
        }

        var plan = (plans ?? PlanCatalog.Default).For(s.Plan);
        if (s.LiveTradingSuspended)
        {
            plan = plan with { LiveTradingAllowed = false };
        }
        var order = NewOrder(s, userId, request, quantity, now);
        var block = PreTradeCheck.Evaluate(new PreTradeContext(request, price, quantity, s.Account, s.EquityPeak, s.DayStartEquity, s.Quota,
            s.ConsecutiveBrokerErrors, s.KillSwitch, globalSwitch, settings, plan, risk, now, ProtectionRules.ActiveLock(s.Locks, request.Symbol, now), platformSymbolExposure));
        if (block is not null)
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = $"{block.Rule}: {block.Detail}";
            RecordRisk(s, block.Rule, $"{request.Side} {quantity} {request.Symbol} ({request.Type}) blocked: {block.Detail}", now);
        }
        else if (request.Broker != "paper")
        {
            // The exchange adapters exist (keys, balances, orders), but routing live orders through them is not wired yet.
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = $"BrokerUnavailable: live order routing to {request.Broker} is not available yet; use the paper exchange";
        }
        else
        {
            s.Quota.TryCountTrade(now, plan.MaxDailyTrades);
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Submitted);
            Execute(s, order, price, now);
        }

        Remember(s, order);
        Finalized(s, order);
        return order;
    }

    /// <summary>New prices: marks, trailing stops, triggered and crossed orders. True when an order changed.</summary>
    public bool OnPrices(TradingState s, IReadOnlyDictionary<string, decimal> prices, DateTimeOffset now)
    {
        foreach (var (symbol, price) in prices)
        {
            s.Account.Marks[symbol] = price;
        }

        var changed = false;
        foreach (var order in s.Orders.Where(o => o.IsWorking && prices.ContainsKey(o.Symbol)).ToList())
        {
            changed |= Execute(s, order, prices[order.Symbol], now);
            Finalized(s, order);
        }

        s.EquityPeak = Math.Max(s.EquityPeak, s.Account.Equity());
        return changed;
    }

    public static void CancelWorking(TradingState s, DateTimeOffset now, string reason)
    {
        foreach (var order in s.Orders.Where(o => o.IsWorking))
        {
            Cancel(s, order, now, reason);
        }
    }

    public static void Cancel(TradingState s, OrderState order, DateTimeOffset now, string? reason)
    {
        order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Canceled);
        order.RejectReason = reason;
        order.UpdatedAt = now;
        Finalized(s, order);
    }

    /// <summary>Closes a position at market. Risk-reducing, so no pre-trade check applies.</summary>
    public void Close(TradingState s, string userId, string symbol, decimal price, DateTimeOffset now)
    {
        if (!s.Account.Positions.TryGetValue(symbol, out var position))
        {
            return;
        }

        var order = NewOrder(s, userId, new PlaceOrderRequest(position.Broker, symbol, OrderSide.Sell, OrderType.Market, Quantity: position.Quantity), position.Quantity, now);
        order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Submitted);
        Execute(s, order, price, now);
        Remember(s, order);
        Finalized(s, order);
    }

    public static void RecordRisk(TradingState s, string rule, string detail, DateTimeOffset now)
    {
        s.RiskEvents.Add(new RiskEvent(s.UserId, rule, detail, now));
        s.Outbox.RiskEvents.Add(new RiskEventRecord(s.UserId, s.Outbox.NextSeq++, rule, detail, now));
        if (s.RiskEvents.Count > RiskEventsKept)
        {
            s.RiskEvents.RemoveRange(0, s.RiskEvents.Count - RiskEventsKept);
        }
    }

    private bool Execute(TradingState s, OrderState order, decimal price, DateTimeOffset now)
    {
        var fills = FillsAt(order, price, now, out var changedWithoutFill);
        if (fills.Count == 0)
        {
            return changedWithoutFill;
        }

        // A working order may meet an account that changed since it was placed.
        var needed = fills.Sum(f => f.Price * f.Quantity + f.Fee);
        if ((order.Side == OrderSide.Buy && needed > s.Account.Cash) ||
            (order.Side == OrderSide.Sell && fills.Sum(f => f.Quantity) > s.Account.PositionQuantity(order.Symbol)))
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = order.Side == OrderSide.Buy ? "InsufficientCash: at execution" : "InsufficientPosition: at execution";
            order.UpdatedAt = now;
            return true;
        }

        var costSold = order.Side == OrderSide.Sell ? s.Account.Positions[order.Symbol].AverageEntry * fills.Sum(f => f.Quantity) : 0m;
        var realizedBefore = s.Account.RealizedPnl;
        foreach (var fill in fills)
        {
            s.Account.Apply(order.Broker, order.Symbol, order.Side, fill);
            order.Fills.Add(fill);
        }

        foreach (var fill in fills)
        {
            s.Outbox.Fills.Add(new FillRecord(s.UserId, s.Outbox.NextSeq++, order.Id, order.Symbol, order.Side, fill));
        }

        if (order.Side == OrderSide.Sell)
        {
            var pnl = s.Account.RealizedPnl - realizedBefore;
            var trade = new ClosedTrade(order.Symbol, now, pnl, costSold == 0 ? 0 : pnl / costSold, order.Type is OrderType.StopLoss or OrderType.TrailingStop);
            ProtectionRules.OnTradeClosed(s.RecentTrades, s.Locks, trade, s.Account.Equity(), protections);
            s.Outbox.Trades.Add(new TradeRecord(s.UserId, s.Outbox.NextSeq++, order.Id, order.Symbol, now, trade.Pnl, trade.ProfitRatio, trade.ByStop));
        }

        s.Outbox.Equity.Add(new EquityRecord(s.UserId, s.Outbox.NextSeq++, now, s.Account.Equity(), s.Account.Cash));

        order.Status = OrderStateMachine.Move(order.Status, order.FilledQuantity >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
        order.UpdatedAt = now;
        s.EquityPeak = Math.Max(s.EquityPeak, s.Account.Equity());
        return true;
    }

    private IReadOnlyList<GrainInterfaces.Orders.Fill> FillsAt(OrderState order, decimal price, DateTimeOffset now, out bool changedWithoutFill)
    {
        changedWithoutFill = false;
        var remaining = order.Quantity - order.FilledQuantity;
        switch (order.Type)
        {
            case OrderType.Market:
                return exchange.ExecuteMarket(order.Symbol, order.Side, remaining, price, now);
            case OrderType.Limit:
                return exchange.TryFillLimit(order.Side, remaining, order.LimitPrice!.Value, price, now) is { } f ? [f] : [];
            case OrderType.TrailingStop:
                var trailed = PaperExchange.Trail(order.Side, order.StopPrice ?? 0, order.TrailingPercent!.Value, price);
                changedWithoutFill = trailed != order.StopPrice;
                order.StopPrice = trailed;
                break;
        }

        return PaperExchange.IsTriggered(order.Type, order.Side, order.StopPrice!.Value, price)
            ? exchange.ExecuteMarket(order.Symbol, order.Side, remaining, price, now)
            : [];
    }

    private static OrderState NewOrder(TradingState s, string userId, PlaceOrderRequest r, decimal quantity, DateTimeOffset now) => new()
    {
        Id = $"{userId}-{s.NextOrderSeq++}",
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

    // A final order goes to the history once; the grain keeps only the most recent.
    private static void Finalized(TradingState s, OrderState order)
    {
        if (OrderStateMachine.IsFinal(order.Status) && !order.Archived)
        {
            order.Archived = true;
            s.Outbox.Orders.Add(new OrderRecord(s.UserId, s.Outbox.NextSeq++, order.ToView()));
        }
    }

    private static void Remember(TradingState s, OrderState order)
    {
        s.Orders.Add(order);
        if (order.ClientOrderId is { } cid)
        {
            s.ClientOrderIds[cid] = order.Id;
        }

        // Working orders stay; of the final ones only the most recent are kept (history belongs in tables).
        while (s.Orders.Count > OrdersKept && s.Orders.FindIndex(o => !o.IsWorking) is var i and >= 0)
        {
            if (s.Orders[i].ClientOrderId is { } dropped)
            {
                s.ClientOrderIds.Remove(dropped);
            }

            s.Orders.RemoveAt(i);
        }
    }

    private static void RollDay(TradingState s, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (s.Day != today)
        {
            s.Day = today;
            s.DayStartEquity = s.Account.Equity();
        }
    }
}
