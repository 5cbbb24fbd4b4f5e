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
}
