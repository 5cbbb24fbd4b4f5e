using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Cluster;

/// <summary>
/// Holds the first activation of a ring-placed grain on its new owner while the silo that owned it is
/// still shutting down: that silo leaves the ring first (so it gets no new calls) and then deactivates
/// its grains, writing their state. Reading the state before that write would start the grain from an
/// older state (and its next write would then fail on the etag). The wait ends when the old owner is
/// gone from the view (it left, or was declared dead) or after <see cref="ClusterOptions.HandOffTimeout"/>.
/// </summary>
internal sealed class HandOffGate(ClusterView view, IOptions<ClusterOptions> options, TimeProvider time)
{
    // The table is read every RefreshPeriod anyway; this only bounds how long a missed push can delay a grain.
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(500);

    public async Task WaitForLeavingOwnerAsync(GrainId grain)
    {
        var started = time.GetTimestamp();
        while (view.LeavingOwnerOf(grain) is not null && time.GetElapsedTime(started) < options.Value.HandOffTimeout)
        {
            try
            {
                await view.NextChange.WaitAsync(Recheck, time);
            }
            catch (TimeoutException)
            {
                // Look at the view again.
            }
        }
    }
}
