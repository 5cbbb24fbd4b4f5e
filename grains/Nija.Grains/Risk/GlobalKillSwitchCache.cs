using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

/// <summary>
/// The silo's copy of the global kill switch (and of exposure by symbol), read by every pre-trade check without a grain call.
/// The global risk grain pushes each change here (through the "risk/global" stream); a copy only
/// ever moves to a higher version, so a late delivery cannot undo a newer stop.
/// </summary>
public sealed class GlobalKillSwitchCache
{
    private readonly Lock _exposureLock = new();
    private KillSwitchState _current = KillSwitchState.Initial;
    private (IReadOnlyDictionary<string, decimal> BySymbol, long Version) _exposure = (new Dictionary<string, decimal>(), 0);

    public KillSwitchState Current => Volatile.Read(ref _current);

    /// <summary>Platform exposure by symbol as last aggregated (a second or two behind at most).</summary>
    public decimal ExposureOf(string symbol) => _exposure.BySymbol.GetValueOrDefault(symbol);

    public void OfferExposure(IReadOnlyDictionary<string, decimal> bySymbol, long version)
    {
        lock (_exposureLock)
        {
            if (version > _exposure.Version)
            {
                _exposure = (bySymbol, version);
            }
        }
    }

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
