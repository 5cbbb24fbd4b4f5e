using Nija.GrainInterfaces.Brokers;
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
    public const int RiskEventsKept = 100;

    public PaperExchange Exchange => exchange;

    public RiskOptions Risk => risk;

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
    /// <remarks>
    /// A live order (any broker but paper) is checked against its exchange account and the exchange's
    /// rules in <paramref name="venue"/>; when it passes it is left Submitted with an unknown outcome
    /// for the trading grain to send, so that it is stored before it can exist on the exchange.
    /// </remarks>
    public OrderState Place(TradingState s, string userId, PlaceOrderRequest request, decimal price, UserSettings settings, KillSwitchState globalSwitch, DateTimeOffset now,
        decimal platformSymbolExposure = 0, LiveVenue? venue = null)
    {
        RollDay(s, now);
        var live = request.Broker == "paper" ? null : s.LiveOf(request.Broker);
        live?.RollDay(now);
        var book = live?.Book ?? s.Account;
        book.Marks[request.Symbol] = price;
        var quantity = request.Quantity ?? Math.Round(request.SizeUsd!.Value / price, 8, MidpointRounding.ToZero);
        if (request.Quantity is null && venue?.Rules is { } rules)
        {
            quantity = rules.RoundDown(quantity);
        }

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
        var block = PreTradeCheck.Evaluate(new PreTradeContext(request, price, quantity, book, live?.EquityPeak ?? s.EquityPeak, live?.DayStartEquity ?? s.DayStartEquity, s.Quota,
            s.ConsecutiveBrokerErrors, s.KillSwitch, globalSwitch, settings, plan, risk, now, ProtectionRules.ActiveLock(s.Locks, request.Symbol, now), platformSymbolExposure,
            live is null ? null : venue?.Unavailable ?? (venue is null ? $"{request.Broker} could not be read" : null)));
        if (block is not null)
        {
            order.Status = OrderStateMachine.Move(order.Status, OrderStatus.Rejected);
            order.RejectReason = $"{block.Rule}: {block.Detail}";
            RecordRisk(s, block.Rule, $"{request.Side} {quantity} {request.Symbol} ({request.Type}) blocked: {block.Detail}", now);
        }
        else if (live is not null)
        {
            LiveOrders.Prepare(s, order, venue?.Rules, request.LimitPrice ?? price, plan, now);
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

        foreach (var live in s.Live.Values)
        {
            foreach (var (symbol, price) in prices.Where(p => live.Book.Positions.ContainsKey(p.Key)))
            {
                live.Book.Marks[symbol] = price;
            }
        }

        // Live orders execute on their exchange; reconciliation brings their fills in.
        var changed = false;
        foreach (var order in s.Orders.Where(o => o.IsWorking && !o.IsLive && prices.ContainsKey(o.Symbol)).ToList())
        {
            changed |= Execute(s, order, prices[order.Symbol], now);
            Finalized(s, order);
        }

        s.EquityPeak = Math.Max(s.EquityPeak, s.Account.Equity());
        return changed;
    }

    /// <summary>Cancels the working paper orders (live ones are canceled on their exchange first, by the trading grain).</summary>
    public static void CancelWorking(TradingState s, DateTimeOffset now, string reason)
    {
        foreach (var order in s.Orders.Where(o => o.IsWorking && !o.IsLive))
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

        ApplyFills(s, order, fills, fills, s.Account, now);
        s.Outbox.Equity.Add(new EquityRecord(s.UserId, s.Outbox.NextSeq++, now, s.Account.Equity(), s.Account.Cash));
        s.EquityPeak = Math.Max(s.EquityPeak, s.Account.Equity());
        return true;
    }

    /// <summary>
    /// Applies the live order's fills among <paramref name="fills"/> (an exchange's trade list) not applied
    /// before, fees in a third asset valued at <paramref name="feeRates"/>; true when any was.
    /// </summary>
    public bool ApplyExchangeFills(TradingState s, OrderState order, IEnumerable<ExchangeFill> fills, IReadOnlyDictionary<string, decimal> feeRates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsWorking)
        {
            return false;
        }

        var live = s.LiveOf(order.Broker);
        var (orderFills, bookFills) = LiveOrders.NewFills(live, order, fills, feeRates);
        if (orderFills.Count == 0)
        {
            return false;
        }

        ApplyFills(s, order, orderFills, bookFills, live.Book, now);
        s.Outbox.Equity.Add(new EquityRecord(s.UserId, s.Outbox.NextSeq++, now, live.Book.Equity(), live.Book.Cash, order.Broker));
        live.EquityPeak = Math.Max(live.EquityPeak, live.Book.Equity());
        Finalized(s, order);
        return true;
    }

    /// <summary>
    /// Applies executions of <paramref name="order"/> to <paramref name="book"/> (the paper account or a
    /// live one): the order's fills as executed, the account's as they change holdings (they differ when
    /// an exchange takes its fee out of the asset bought). Sells close trades and feed the protections.
    /// </summary>
    internal void ApplyFills(TradingState s, OrderState order, IReadOnlyList<GrainInterfaces.Orders.Fill> orderFills, IReadOnlyList<GrainInterfaces.Orders.Fill> bookFills, PaperAccount book, DateTimeOffset now)
    {
        var sold = bookFills.Sum(f => f.Quantity);
        var costSold = order.Side == OrderSide.Sell && book.Positions.TryGetValue(order.Symbol, out var held) ? held.AverageEntry * sold : 0m;
        var realizedBefore = book.RealizedPnl;
        foreach (var fill in bookFills)
        {
            book.Apply(order.Broker, order.Symbol, order.Side, fill);
        }

        foreach (var fill in orderFills)
        {
            order.Fills.Add(fill);
            s.Outbox.Fills.Add(new FillRecord(s.UserId, s.Outbox.NextSeq++, order.Id, order.Symbol, order.Side, fill));
        }

        if (order.Side == OrderSide.Sell)
        {
            var pnl = book.RealizedPnl - realizedBefore;
            var trade = new ClosedTrade(order.Symbol, now, pnl, costSold == 0 ? 0 : pnl / costSold, order.Type is OrderType.StopLoss or OrderType.TrailingStop);
            ProtectionRules.OnTradeClosed(s.RecentTrades, s.Locks, trade, book.Equity(), protections);
            s.Outbox.Trades.Add(new TradeRecord(s.UserId, s.Outbox.NextSeq++, order.Id, order.Symbol, now, trade.Pnl, trade.ProfitRatio, trade.ByStop));
        }

        order.Status = OrderStateMachine.Move(order.Status, order.FilledQuantity >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
        order.UpdatedAt = now;
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

    internal static OrderState NewOrder(TradingState s, string userId, PlaceOrderRequest r, decimal quantity, DateTimeOffset now) => new()
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
    internal static void Finalized(TradingState s, OrderState order)
    {
        if (OrderStateMachine.IsFinal(order.Status) && !order.Archived)
        {
            order.Archived = true;
            s.Outbox.Orders.Add(new OrderRecord(s.UserId, s.Outbox.NextSeq++, order.ToView()));
        }
    }

    internal static void Remember(TradingState s, OrderState order)
    {
        ForgetFinal(s);
        s.Orders.Add(order);
    }

    /// <summary>
    /// Drops the final orders already handed to the history (their records wait in the outbox until
    /// appended); a live order whose exchange has not confirmed it stays for reconciliation.
    /// </summary>
    internal static void ForgetFinal(TradingState s) => s.Orders.RemoveAll(o => o.Archived && !o.AwaitsExchange);

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
