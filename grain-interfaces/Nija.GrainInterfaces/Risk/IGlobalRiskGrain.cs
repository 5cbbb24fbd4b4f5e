using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Risk;

/// <summary>
/// The platform-wide risk grain (key "global"): holds the global kill switch. It is not on the
/// order path: each silo caches the switch's state and pre-trade checks read the cache.
/// </summary>
public interface IGlobalRiskGrain : IGrainWithStringKey
{
    /// <summary>The global switch.</summary>
    [ReadOnly]
    Task<KillSwitchState> GetKillSwitch();

    /// <summary>Sets the global switch (admins only; the API checks the role).</summary>
    Task<KillSwitchState> SetKillSwitch(KillSwitchLevel level, string reason, string changedBy);

    /// <summary>A silo's batch of exposure changes (each silo sends at most one batch a second, never one per order).</summary>
    Task ReportExposure(System.Collections.Immutable.ImmutableArray<ExposureEntry> changes);

    /// <summary>Exposure across the platform.</summary>
    [ReadOnly]
    Task<ExposureSummary> GetExposure(int topUsers);
}
