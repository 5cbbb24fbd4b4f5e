using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Placement;
using Nija.Runtime.Hosting;

namespace Nija.Runtime.Cluster;

/// <summary>
/// This process's side of the grain directory: a cache of where directory-placed grains live, the
/// lookup and placement choice on a miss, and the registration an activation makes before it runs
/// anything. The directory, not the cache, decides: a silo that receives a call for a grain it does
/// not hold registers it first, and forwards the call if another live silo won.
/// </summary>
internal sealed class GrainLocator(IGrainDirectory directory, ClusterView view, PlacementDirector placement, IOptions<SiloOptions> silo)
{
    // Bounded: a cache past this size starts over (entries are cheap to look up again).
    private const int CacheLimit = 100_000;
    private readonly ConcurrentDictionary<GrainId, GrainLocation> _cache = new();
    private readonly string _serviceId = silo.Value.ServiceId;

    /// <summary>Where the grain lives as far as this process knows, if that silo is still active.</summary>
    public bool TryGetCached(GrainId grain, out SiloAddress silo)
    {
        if (_cache.TryGetValue(grain, out var location))
        {
            if (view.IsActive(location.Silo))
            {
                silo = location.Silo;
                return true;
            }

            _cache.TryRemove(KeyValuePair.Create(grain, location));
        }

        silo = default;
        return false;
    }

    /// <summary>
    /// Where to send a call for <paramref name="grain"/>: its registered silo when that one is
    /// active, else a new place chosen by <paramref name="strategy"/> (which registers it when the
    /// call arrives); null while no silo is active.
    /// </summary>
    public async Task<SiloAddress?> LocateAsync(GrainId grain, PlacementStrategy strategy, CancellationToken cancellationToken)
    {
        if (await directory.LookupAsync(_serviceId, grain, cancellationToken) is { } found && view.IsActive(found.Silo))
        {
            Remember(grain, found);
            return found.Silo;
        }

        if (placement.Choose(strategy) is not { } chosen)
        {
            return null;
        }

        // Optimistic: the chosen silo registers on arrival and, should another have won, forwards.
        Remember(grain, new GrainLocation(chosen, 0));
        return chosen;
    }

    /// <summary>Registers this silo's activation; false when another live silo holds the grain already (the activation gives way).</summary>
    public async Task<bool> RegisterAsync(GrainId grain, long activationSeq, CancellationToken cancellationToken)
    {
        var self = view.Self ?? throw new InvalidOperationException("Only a silo that has joined registers activations.");
        var winner = await directory.RegisterAsync(_serviceId, grain, new GrainLocation(self, activationSeq), cancellationToken);
        Remember(grain, winner);
        return winner.Silo == self;
    }

    /// <summary>Removes this silo's activation from the directory (it deactivated).</summary>
    public Task UnregisterAsync(GrainId grain, long activationSeq, CancellationToken cancellationToken)
    {
        var self = view.Self ?? throw new InvalidOperationException("Only a silo that has joined registers activations.");
        var location = new GrainLocation(self, activationSeq);
        _cache.TryRemove(KeyValuePair.Create(grain, location));
        return directory.UnregisterAsync(_serviceId, grain, location, cancellationToken);
    }

    /// <summary>Creates or migrates the directory's schema.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => directory.InitializeAsync(cancellationToken);

    /// <summary>Removes whatever entries still name <paramref name="self"/> (a silo leaving, after its grains deactivated).</summary>
    public Task<int> UnregisterSiloAsync(SiloAddress self, CancellationToken cancellationToken) =>
        directory.UnregisterSiloAsync(_serviceId, self, cancellationToken);

    /// <summary>Drops what this process believed about the grain (a silo rejected a call for it).</summary>
    public void Forget(GrainId grain) => _cache.TryRemove(grain, out _);

    private void Remember(GrainId grain, GrainLocation location)
    {
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[grain] = location;
    }
}
