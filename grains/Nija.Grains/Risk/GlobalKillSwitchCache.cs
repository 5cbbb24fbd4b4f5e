using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

/// <summary>
/// The silo's copy of the global kill switch, read by every pre-trade check without a grain call.
/// The global risk grain pushes each change here (through the "risk/global" stream); a copy only
/// ever moves to a higher version, so a late delivery cannot undo a newer stop.
/// </summary>
public sealed class GlobalKillSwitchCache
{
    private KillSwitchState _current = KillSwitchState.Initial;

    public KillSwitchState Current => Volatile.Read(ref _current);

    public void Offer(KillSwitchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        KillSwitchState seen;
        do
        {
            seen = Volatile.Read(ref _current);
            if (state.Version <= seen.Version)
            {
                return;
            }
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref _current, state, seen), seen));
    }
}
