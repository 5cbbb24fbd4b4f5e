using System.Collections.Concurrent;
using Nija.Runtime.Abstractions.Placement;

namespace Nija.Runtime.Cluster;

/// <summary>
/// Picks the silo for a new activation of a directory-placed grain. Activation-count placement
/// compares two random active silos (the power of two choices: close to the least loaded without
/// every caller herding onto the same one), counting the activations each reported at its last
/// heartbeat plus those this process has placed there since.
/// </summary>
internal sealed class PlacementDirector
{
    private readonly ClusterView _view;
    private readonly Random _random;
    private readonly ConcurrentDictionary<SiloAddress, int> _placedSinceReport = new();

    public PlacementDirector(ClusterView view)
        : this(view, new Random())
    {
    }

    public PlacementDirector(ClusterView view, Random random)
    {
        _view = view;
        _random = random;
        view.LoadChanged += _placedSinceReport.Clear;
    }

    /// <summary>The silo to activate on, or null while no silo is active.</summary>
    public SiloAddress? Choose(PlacementStrategy strategy)
    {
        var active = _view.Snapshot.Active;
        if (active.Count == 0)
        {
            return null;
        }

        var chosen = strategy switch
        {
            PlacementStrategy.PreferLocal when !_view.IsClient && _view.Self is { } self && _view.IsActive(self) => self,
            PlacementStrategy.ActivationCountBased => LessLoadedOfTwo(active),
            _ => active[Next(active.Count)],
        };
        _placedSinceReport.AddOrUpdate(chosen, 1, static (_, n) => n + 1);
        return chosen;
    }

    private SiloAddress LessLoadedOfTwo(IReadOnlyList<SiloAddress> active)
    {
        if (active.Count == 1)
        {
            return active[0];
        }

        var first = Next(active.Count);
        var second = (first + 1 + Next(active.Count - 1)) % active.Count;
        var (a, b) = (active[first], active[second]);
        var (loadA, loadB) = (Load(a), Load(b));
        return loadA < loadB || (loadA == loadB && Next(2) == 0) ? a : b;
    }

    private int Load(SiloAddress silo) =>
        _view.Load.GetValueOrDefault(silo) + _placedSinceReport.GetValueOrDefault(silo);

    private int Next(int exclusiveMax)
    {
        lock (_random)
        {
            return _random.Next(exclusiveMax);
        }
    }
}
