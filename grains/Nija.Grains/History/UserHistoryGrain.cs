using System.Collections.Immutable;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.History;

/// <summary>Reads one user's history from the store; keyed by the user so that no call can name another tenant.</summary>
[GrainType("userhistory")]
public sealed class UserHistoryGrain(IHistoryStore store) : Grain, IUserHistoryGrain
{
    private const int MaxPage = 500;

    async Task<ImmutableArray<TradeRecord>> IUserHistoryGrain.GetTrades(int skip, int take)
    {
        await AppendWaitingAsync();
        return [.. await store.GetTradesAsync(GetPrimaryKeyString(), Math.Max(0, skip), Math.Clamp(take, 1, MaxPage), CancellationToken.None)];
    }

    async Task<ImmutableArray<FillRecord>> IUserHistoryGrain.GetFills(int skip, int take)
    {
        await AppendWaitingAsync();
        return [.. await store.GetFillsAsync(GetPrimaryKeyString(), Math.Max(0, skip), Math.Clamp(take, 1, MaxPage), CancellationToken.None)];
    }

    async Task<ImmutableArray<EquityRecord>> IUserHistoryGrain.GetEquity(string account, DateTimeOffset from, DateTimeOffset to)
    {
        await AppendWaitingAsync();
        return [.. await store.GetEquityAsync(GetPrimaryKeyString(), account, from, to, CancellationToken.None)];
    }

    // The trading grain defers its appends (HistoryOptions.AppendDelay); what waits is appended first so that a read never misses a fill.
    private Task AppendWaitingAsync() => GrainFactory.GetGrain<ITradingGrain>(GetPrimaryKeyString()).AppendHistory();
}
