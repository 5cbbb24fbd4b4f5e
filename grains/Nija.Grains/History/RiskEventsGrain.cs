using System.Collections.Immutable;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Risk;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.History;

/// <summary>Risk events and trade totals across every user, for the founder's pages.</summary>
[GrainType("riskevents")]
[StatelessWorker]
public sealed class RiskEventsGrain(IHistoryStore store) : Grain, IRiskEventsGrain
{
    private const int MaxPage = 500;

    async Task<ImmutableArray<RiskEvent>> IRiskEventsGrain.Query(string? userId, string? rule, DateTimeOffset? from, DateTimeOffset? to, int skip, int take)
    {
        var rows = await store.GetRiskEventsAsync(new RiskEventFilter(userId, rule, from, to), Math.Max(0, skip), Math.Clamp(take, 1, MaxPage), CancellationToken.None);
        return [.. rows.Select(r => new RiskEvent(r.UserId, r.Rule, r.Detail, r.At))];
    }

    Task<TradeTotals> IRiskEventsGrain.TradesSince(DateTimeOffset since) => store.GetTotalsSinceAsync(since, CancellationToken.None);
}
