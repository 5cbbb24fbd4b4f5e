using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Timers;

namespace Nija.Grains.Trading;

/// <summary>
/// Orders on real exchanges. An order is stored Submitted with an unknown outcome before it is sent
/// (through the credentials grain, which alone decrypts the key); the answer, or when it is lost the
/// reconciliation that looks the order up by its client order id, moves it. Reconciliation runs on
/// activation and on a timer while any live order awaits its exchange, and never otherwise.
/// </summary>
public sealed partial class TradingGrain
{
    private IGrainTimer? _reconcile;

    private IBrokerCredentialsGrain Keys => GrainFactory.GetGrain<IBrokerCredentialsGrain>(UserId);

    async Task<int> ITradingGrain.Reconcile()
    {
        await ReconcileAsync();
        var stops = await CheckStopsAsync();
        await SaveAsync(stops);
        FollowLiveOrders();
        return S.Orders.Count(o => o.AwaitsExchange);
    }

    async Task ITradingGrain.ResumeAfterBrokerErrors(string reason, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var errors = S.ConsecutiveBrokerErrors;
        if (errors == 0)
        {
            return;
        }

        S.ConsecutiveBrokerErrors = 0;
        OrderProcessor.RecordRisk(S, "AutoDisabledResumed", $"resumed by {changedBy} after {errors} broker errors in a row: {reason}", time.GetUtcNow());
        await SaveAsync();
    }

    private async Task<(decimal Price, LiveVenue? Venue)> PriceAndVenueAsync(PlaceOrderRequest request)
    {
        var marketPrice = await GrainFactory.GetGrain<IMarketDataGrain>(request.Symbol).GetLastPrice();
        if (request.Broker == "paper")
        {
            return (marketPrice, null);
        }

        var (price, venue) = await venues.ReadAsync(GrainFactory, UserId, request, S.LiveOf(request.Broker), marketPrice, time.GetUtcNow());
        if (venue.BrokerFailed)
        {
            BrokerFailed(request.Broker, venue.Unavailable!);
        }

        return (price, venue);
    }

    /// <summary>Sends a stored live order; whatever the exchange answers (or not) is applied to it.</summary>
    private async Task SendAsync(OrderState order)
    {
        var submission = await Keys.PlaceOrder(order.Broker, new ExchangeOrder(order.Symbol, order.Side, order.SentType, order.Quantity, order.LimitPrice, order.ExchangeClientOrderId!));
        var now = time.GetUtcNow();
        switch (submission.Outcome)
        {
            case SubmissionOutcome.Accepted:
                BrokerAnswered();
                order.OutcomeUnknown = false;
                order.ExchangeOrderId = submission.Ack!.ExchangeOrderId;
                if (order.SentType == OrderType.Market && submission.Ack is { Status: OrderStatus.Submitted, ExecutedQuantity: 0 })
                {
                    // Kraken acknowledges every order as pending; a market order has filled by the time it is looked up.
                    await LookUpAsync(order);
                }
                else
                {
                    await FollowAsync(order, submission.Ack.Status, submission.Ack.ExecutedQuantity);
                }

                break;
            case SubmissionOutcome.Refused:
                BrokerFailed(order.Broker, submission.Error!);
                LiveOrders.Reject(S, order, $"ExchangeRejected: {submission.Error}", now);
                break;
            case SubmissionOutcome.NotSent:
                BrokerFailed(order.Broker, submission.Error!);
                LiveOrders.Reject(S, order, $"BrokerUnavailable: {submission.Error}", now);
                break;
            default:
                // It may exist: left Submitted with its outcome unknown until reconciliation finds it or proves it never arrived.
                BrokerFailed(order.Broker, submission.Error!);
                break;
        }
    }

    /// <summary>Applies an exchange's report of the order: the fills it adds (read from the trade list), then its final status.</summary>
    private async Task FollowAsync(OrderState order, OrderStatus reported, decimal executed)
    {
        if (executed > order.FilledQuantity)
        {
            try
            {
                var fills = await Keys.GetFills(order.Broker, order.Symbol);
                BrokerAnswered();
                processor.ApplyExchangeFills(S, order, fills, await FeeRatesAsync(order, fills), time.GetUtcNow());
            }
            catch (Exception e) when (LiveVenueReader.IsExchangeFailure(e))
            {
                BrokerFailed(order.Broker, e.Message);
                return;
            }
        }

        LiveOrders.Settle(S, order, reported, executed, time.GetUtcNow());
    }

    /// <summary>The quote-asset price of each third asset the order's fills pay fees in (Binance's BNB), as the exchange quotes it now.</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> FeeRatesAsync(OrderState order, IReadOnlyList<ExchangeFill> fills)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var asset in LiveOrders.ThirdFeeAssets(order, fills))
        {
            if (await venues.LastPriceAsync(GrainFactory, order.Broker, $"{asset}-{LiveOrders.QuoteOf(order.Symbol)}", time.GetUtcNow()) is { } rate)
            {
                rates[asset] = rate;
            }
        }

        return rates;
    }

    /// <summary>Asks the exchange about every live order that awaits it and applies the answers.</summary>
    private async Task ReconcileAsync()
    {
        foreach (var order in S.Orders.Where(o => o.AwaitsExchange).ToList())
        {
            await LookUpAsync(order);
        }
    }

    /// <summary>Looks one live order up by its client order id and applies what the exchange says of it.</summary>
    private async Task LookUpAsync(OrderState order)
    {
        ExchangeOrderReport? report;
        try
        {
            report = await Keys.GetOrder(order.Broker, order.Symbol, order.ExchangeClientOrderId!);
            BrokerAnswered();
        }
        catch (Exception e) when (LiveVenueReader.IsExchangeFailure(e))
        {
            BrokerFailed(order.Broker, e.Message);
            return;
        }

        var now = time.GetUtcNow();
        if (report is null)
        {
            var sentAt = order.SentAt ?? order.CreatedAt;
            if (order.OutcomeUnknown && now - sentAt >= venues.Options.NotReceivedAfter)
            {
                LiveOrders.Reject(S, order, $"NotReceived: {order.Broker} has no order {order.ExchangeClientOrderId} {(now - sentAt).TotalSeconds:0} s after it was sent", now);
            }

            return;
        }

        order.OutcomeUnknown = false;
        order.ExchangeOrderId = report.ExchangeOrderId;
        await FollowAsync(order, report.Status, report.ExecutedQuantity);
    }

    /// <summary>Cancels a live order on its exchange, then applies what the exchange says became of it; null, or why the exchange could not be asked.</summary>
    private async Task<string?> CancelLiveAsync(OrderState order)
    {
        try
        {
            await Keys.CancelOrder(order.Broker, order.Symbol, order.ExchangeClientOrderId!);
        }
        catch (Exception e) when (LiveVenueReader.IsExchangeFailure(e))
        {
            BrokerFailed(order.Broker, e.Message);
            return e.Message;
        }

        // Whatever the cancel found (resting, or filled just before), the order's own report says what it became.
        await LookUpAsync(order);
        return null;
    }

    /// <summary>Stop or Flatten: held stops dropped, live orders canceled on their exchanges; with <paramref name="flatten"/>, live positions sold at market there.</summary>
    private async Task HaltLiveAsync(bool flatten, string why)
    {
        foreach (var order in S.Orders.Where(o => o.IsLive && o.IsWorking).ToList())
        {
            if (order.IsHeld)
            {
                OrderProcessor.Cancel(S, order, time.GetUtcNow(), why);
            }
            else
            {
                await CancelLiveAsync(order);
            }
        }

        if (!flatten)
        {
            return;
        }

        foreach (var (broker, account) in S.Live.ToList())
        {
            foreach (var (symbol, position) in account.Book.Positions.ToList())
            {
                var quantity = await venues.SellableAsync(broker, symbol, position.Quantity);
                if (quantity <= 0)
                {
                    continue;
                }

                var exit = LiveOrders.Exit(S, UserId, broker, symbol, quantity, time.GetUtcNow());
                await state.WriteStateAsync();
                await SendAsync(exit);
            }
        }
    }

    private void BrokerAnswered()
    {
        // Once auto-disabled, only an admin clears the count.
        if (S.ConsecutiveBrokerErrors < processor.Risk.MaxConsecutiveBrokerErrors)
        {
            S.ConsecutiveBrokerErrors = 0;
        }
    }

    private void BrokerFailed(string broker, string error)
    {
        S.ConsecutiveBrokerErrors++;
        if (S.ConsecutiveBrokerErrors == processor.Risk.MaxConsecutiveBrokerErrors)
        {
            OrderProcessor.RecordRisk(S, "AutoDisabled", $"{S.ConsecutiveBrokerErrors} broker errors in a row, the last from {broker}: {error}; orders are blocked until an admin resumes trading", time.GetUtcNow());
        }
    }

    /// <summary>
    /// Keeps the reconciliation timer running while a live order awaits its exchange, and the stop
    /// check while a stop is held; each stopped otherwise, so an idle tenant never ticks.
    /// </summary>
    private void FollowLiveOrders()
    {
        Keep(ref _reconcile, S.Orders.Any(o => o.AwaitsExchange), ReconcileAndSaveAsync, venues.Options.ReconcileInterval);
        Keep(ref _stopCheck, S.Orders.Any(o => o.IsHeld), CheckStopsAndSaveAsync, venues.Options.StopCheckInterval);
    }

    private void Keep(ref IGrainTimer? timer, bool wanted, Func<Task> tick, TimeSpan interval)
    {
        if (!wanted)
        {
            timer?.Dispose();
            timer = null;
            return;
        }

        timer ??= RegisterGrainTimer(_ => tick(), interval, interval);
    }

    /// <summary>One reconciliation pass made durable, with the timer kept or stopped by what still awaits.</summary>
    private async Task ReconcileAndSaveAsync()
    {
        await ReconcileAsync();
        await SaveAsync();
        FollowLiveOrders();
    }
}
