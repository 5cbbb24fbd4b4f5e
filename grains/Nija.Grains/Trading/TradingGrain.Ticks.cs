using System.Collections.Immutable;
using Nija.GrainInterfaces.MarketData;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Trading;

/// <summary>Prices reaching the working orders: pushed by callers or followed on the tick streams.</summary>
public sealed partial class TradingGrain
{
    private readonly Dictionary<string, StreamSubscriptionHandle> _tickSubscriptions = new(StringComparer.Ordinal);

    async Task ITradingGrain.OnPrices(ImmutableDictionary<string, decimal> prices)
    {
        if (processor.OnPrices(S, prices, time.GetUtcNow()))
        {
            await SaveAsync();
        }
    }

    /// <summary>
    /// Listens to the ticks of every symbol with a working order or a position, and only those:
    /// working orders fill on them, and positions are marked (equity, its peak, the drawdown rule).
    /// </summary>
    private async Task SubscribeToWorkingSymbols()
    {
        var wanted = S.Orders.Where(o => o.IsWorking).Select(o => o.Symbol).Concat(S.Account.Positions.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var symbol in _tickSubscriptions.Keys.Where(s => !wanted.Contains(s)).ToList())
        {
            await _tickSubscriptions[symbol].UnsubscribeAsync();
            _tickSubscriptions.Remove(symbol);
        }

        foreach (var symbol in wanted.Where(s => !_tickSubscriptions.ContainsKey(s)))
        {
            _tickSubscriptions[symbol] = await this.GetStreamProvider().GetStream<Tick>(new StreamId("ticks", symbol)).SubscribeAsync(async (tick, _) =>
            {
                // A position the global risk grain had not heard of yet when it flattened: closed at its next tick.
                if (globalSwitch.Current is { Level: KillSwitchLevel.Flatten } global && S.Account.Positions.Count > 0)
                {
                    await ((ITradingGrain)this).FlattenForGlobalStop(global.Reason ?? "global flatten", global.ChangedBy ?? "platform");
                    await SubscribeToWorkingSymbols();
                    return;
                }

                if (processor.OnPrices(S, new Dictionary<string, decimal> { [tick.Symbol] = tick.Price }, tick.At))
                {
                    await SaveAsync();
                    await SubscribeToWorkingSymbols();
                }
            });
        }
    }
}
