using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;
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

        state.State.Exposure.Apply(changes);
        var summary = state.State.Exposure.Summary(0);
        cache.OfferExposure(summary.BySymbol, summary.Version);
        await state.WriteStateAsync();
        await this.GetStreamProvider().GetStream<ExposureSummary>(ExposureStream).PublishAsync(summary);
    }

    Task<ExposureSummary> IGlobalRiskGrain.GetExposure(int topUsers) => Task.FromResult(state.State.Exposure.Summary(topUsers));

    async Task<KillSwitchState> IGlobalRiskGrain.SetKillSwitch(KillSwitchLevel level, string reason, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var next = new KillSwitchState(level, state.State.KillSwitch.Version + 1, reason, changedBy, time.GetUtcNow());
        state.State.KillSwitch = next;
        await state.WriteStateAsync();
        cache.Offer(next); // this silo at once; the others through the stream
        await this.GetStreamProvider().GetStream<KillSwitchState>(Stream).PublishAsync(next);
        return next;
    }
}
