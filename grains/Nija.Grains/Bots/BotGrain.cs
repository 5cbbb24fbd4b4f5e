using System.Collections.Immutable;
using Nija.GrainInterfaces.Bots;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Exchange;
using Nija.Grains.Strategies;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Bots;

/// <summary>
/// Follows the tick streams of its pairs while running, feeds the strategy and sends each resulting
/// order to the user's trading grain (which applies every check). Ticks are handled one at a time,
/// in order, as turns of this grain.
/// </summary>
[GrainType("bot")]
public sealed class BotGrain([PersistentState("bot")] IPersistentState<BotState> state) : Grain, IBotGrain
{
    private const string KeepAlive = "keep-alive";
    private readonly List<StreamSubscriptionHandle> _subscriptions = [];
    private IStrategy? _strategy;
    private long _pricesSeen;
    private long _ordersPlaced;
    private string? _lastSignal;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.State != BotRunState.Stopped)
        {
            await FollowPairs();
        }
    }

    async Task<BotStatus> IBotGrain.Start(string strategy, ImmutableArray<string> pairs)
    {
        _strategy = StrategyCatalog.Create(strategy);
        if (pairs.IsDefaultOrEmpty || pairs.Length > 20)
        {
            throw new ArgumentException("pairs must name 1 to 20 pairs.", nameof(pairs));
        }

        state.State = new BotState { State = BotRunState.Running, Strategy = strategy, Pairs = [.. pairs.Distinct()] };
        await state.WriteStateAsync();
        await FollowPairs();
        await this.RegisterOrUpdateReminder(KeepAlive, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return Current();
    }

    async Task<BotStatus> IBotGrain.Pause()
    {
        state.State.State = state.State.State == BotRunState.Stopped ? BotRunState.Stopped : BotRunState.Paused;
        await state.WriteStateAsync();
        return Current();
    }

    async Task<BotStatus> IBotGrain.Stop()
    {
        state.State.State = BotRunState.Stopped;
        await state.WriteStateAsync();
        await Unfollow();
        await this.UnregisterReminder(KeepAlive);
        return Current();
    }

    Task<BotStatus> IBotGrain.Status() => Task.FromResult(Current());

    // The reminder only has to wake the grain: activation resubscribes a running bot.
    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task OnTick(Tick tick)
    {
        _pricesSeen++;
        if (state.State.State == BotRunState.Stopped || _strategy is null)
        {
            return;
        }

        var trading = GrainFactory.GetGrain<ITradingGrain>(GetPrimaryKeyString());
        var account = await trading.GetAccount();
        var paper = new PaperAccount { Cash = account.Cash };
        foreach (var p in account.Positions)
        {
            paper.Positions[p.Symbol] = new PositionState { Quantity = p.Quantity, AverageEntry = p.AverageEntry };
            paper.Marks[p.Symbol] = p.MarkPrice;
        }

        paper.Marks[tick.Symbol] = tick.Price; // as the backtest marks the price it is at

        var settings = await GrainFactory.GetGrain<IUserSettingsGrain>(GetPrimaryKeyString()).Get();
        var request = StrategyDriver.OnPrice(_strategy, tick.Symbol, tick.Price, tick.At, paper, settings, entriesAllowed: state.State.State == BotRunState.Running);
        if (request is not null)
        {
            var result = await trading.PlaceOrder(request);
            _ordersPlaced++;
            _lastSignal = $"{request.Side} {request.Symbol}: {result.Order.Status}{(result.Order.RejectReason is { } r ? $" ({r})" : "")}";
        }
    }

    private async Task FollowPairs()
    {
        await Unfollow();
        _strategy ??= StrategyCatalog.Create(state.State.Strategy);
        foreach (var pair in state.State.Pairs)
        {
            _subscriptions.Add(await this.GetStreamProvider().GetStream<Tick>(new StreamId("ticks", pair)).SubscribeAsync((t, _) => OnTick(t)));
        }
    }

    private async Task Unfollow()
    {
        foreach (var s in _subscriptions)
        {
            await s.UnsubscribeAsync();
        }

        _subscriptions.Clear();
    }

    private BotStatus Current() => new(state.State.State, state.State.Strategy, [.. state.State.Pairs], _pricesSeen, _ordersPlaced, _lastSignal);
}
