using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Risk;

/// <summary>Holds the global kill switch and pushes every change to the silos' caches.</summary>
[GrainType("globalrisk")]
public sealed class GlobalRiskGrain([PersistentState("globalrisk")] IPersistentState<GlobalRiskState> state, GlobalKillSwitchCache cache, TimeProvider time)
    : Grain, IGlobalRiskGrain
{
    public static readonly StreamId Stream = new("risk", "global");
    public static readonly StreamId ExposureStream = new("risk", "exposure");

    // In memory on purpose: writing thousands of entries per second would be the hot write this
    // design avoids. Silos send their full holdings every minute, which rebuilds it after a restart.
    private readonly ExposureBook _exposure = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        cache.Offer(state.State.KillSwitch);
        return Task.CompletedTask;
    }

    Task<KillSwitchState> IGlobalRiskGrain.GetKillSwitch() => Task.FromResult(state.State.KillSwitch);

    async Task IGlobalRiskGrain.ReportExposure(ImmutableArray<ExposureEntry> changes)
    {
        if (changes.IsDefaultOrEmpty)
        {
            return;
        }

        _exposure.Apply(changes);
        var summary = _exposure.Summary(0);
        cache.OfferExposure(summary.BySymbol, summary.Version);
        await this.GetStreamProvider().GetStream<ExposureSummary>(ExposureStream).PublishAsync(summary);
    }

    Task<ExposureSummary> IGlobalRiskGrain.GetExposure(int topUsers) => Task.FromResult(_exposure.Summary(topUsers));

    async Task<KillSwitchState> IGlobalRiskGrain.SetKillSwitch(KillSwitchLevel level, string reason, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var next = new KillSwitchState(level, state.State.KillSwitch.Version + 1, reason, changedBy, time.GetUtcNow());
        state.State.KillSwitch = next;
        await state.WriteStateAsync();
        cache.Offer(next); // this silo at once; the others through the stream
        await this.GetStreamProvider().GetStream<KillSwitchState>(Stream).PublishAsync(next);
        if (level == KillSwitchLevel.Flatten)
        {
            await FlattenEveryHolderAsync(reason, changedBy);
        }

        return next;
    }

    /// <summary>
    /// Asks every user the exposure book shows holding something to close it all, a bounded number
    /// at a time. (Orders are already blocked by the switch; a position opened too recently to be in
    /// the book is closed by its own grain at its next tick.)
    /// </summary>
    private async Task FlattenEveryHolderAsync(string reason, string changedBy)
    {
        var holders = _exposure.Entries.Values.Select(e => e.UserId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in holders.Chunk(64))
        {
            await Task.WhenAll(batch.Select(user => GrainFactory.GetGrain<ITradingGrain>(user).FlattenForGlobalStop(reason, changedBy)));
        }
    }
}
