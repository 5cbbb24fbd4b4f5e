using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Cluster;

/// <summary>
/// This process's current view of the cluster: the membership snapshot and the hash ring built from
/// it. Views only move forward (a lower table version is ignored), and whoever holds the same version
/// routes every grain to the same silo.
/// </summary>
public sealed class ClusterView : ILocalSiloDetails
{
    private readonly Lock _lock = new();
    private volatile State _state = new(MembershipSnapshot.Empty, new HashRing([]), [], null);
    private TaskCompletionSource _nextChange = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IReadOnlyDictionary<SiloAddress, int> _load = new Dictionary<SiloAddress, int>();

    /// <summary>Creates the view for this process.</summary>
    public ClusterView(IOptions<ClusterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IsEnabled = options.Value.Enabled;
        IsClient = options.Value.Role == ClusterRole.Client;
    }

    /// <summary>Whether this process is part of a cluster at all.</summary>
    public bool IsEnabled { get; }

    /// <summary>Whether this process only calls grains (owns none).</summary>
    public bool IsClient { get; }

    /// <summary>This silo, once it has joined; null for a client or a silo not yet started.</summary>
    public SiloAddress? Self { get; private set; }

    /// <summary>The latest snapshot.</summary>
    public MembershipSnapshot Snapshot => _state.Snapshot;

    /// <summary>The ring of the latest snapshot.</summary>
    public HashRing Ring => _state.Ring;

    /// <summary>Each active silo's activation count at its last heartbeat (read with every table read, even when the version did not move).</summary>
    public IReadOnlyDictionary<SiloAddress, int> Load => _load;

    /// <summary>Whether <paramref name="silo"/> is Active in this view.</summary>
    public bool IsActive(SiloAddress silo) => _state.ActiveSet.Contains(silo);

    /// <summary>
    /// The silo that owned <paramref name="grain"/> before it began shutting down, while it still is
    /// (its grains are deactivating and writing their state); null when no shutting-down silo did.
    /// </summary>
    public SiloAddress? LeavingOwnerOf(GrainId grain) =>
        _state.WithLeaving?.OwnerOf(grain) is { } owner && !_state.ActiveSet.Contains(owner) ? owner : null;

    /// <summary>Completes when the view next moves to a newer version.</summary>
    public Task NextChange => _nextChange.Task;

    /// <summary>The table version of the view.</summary>
    public long Version => _state.Snapshot.Version;

    /// <summary>Whether this silo was declared dead by its peers (it stops, and a host should exit with an error).</summary>
    public bool WasDeclaredDead { get; internal set; }

    /// <inheritdoc />
    public string SiloAddress => Self?.ToString() ?? "local";

    /// <summary>Raised after the view moved to a newer version (on the thread that moved it).</summary>
    public event Action<MembershipSnapshot>? Changed;

    /// <summary>Raised when someone learns that a newer version exists (a peer said so): read the table now.</summary>
    public event Action? RefreshRequested;

    internal void SetSelf(SiloAddress self) => Self = self;

    /// <summary>Whether <paramref name="grain"/> belongs here: always outside a cluster; on the ring's say inside one.</summary>
    public bool IsLocal(GrainId grain) => !IsEnabled || (Self is { } self && Ring.OwnerOf(grain) == self);

    /// <summary>Moves to <paramref name="snapshot"/> if it is newer; true if it did.</summary>
    public bool Update(MembershipSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (snapshot.Version <= _state.Snapshot.Version && _state.Snapshot.Entries.Count > 0)
            {
                return false;
            }

            var leaving = snapshot.Entries.Where(e => e.Status == SiloStatus.ShuttingDown).Select(e => e.Silo).ToList();
            var withLeaving = leaving.Count == 0 ? null : new HashRing([.. snapshot.Active, .. leaving]);
            _state = new State(snapshot, new HashRing(snapshot.Active), [.. snapshot.Active], withLeaving);
            changed = _nextChange;
            _nextChange = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        Changed?.Invoke(snapshot);
        return true;
    }

    /// <summary>Records the activation counts of a table read, and raises <see cref="LoadChanged"/>.</summary>
    public void RecordLoad(MembershipSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _load = snapshot.Entries.Where(e => e.Status == SiloStatus.Active).ToDictionary(e => e.Silo, e => e.Activations);
        LoadChanged?.Invoke();
    }

    /// <summary>Raised after a table read recorded fresh activation counts.</summary>
    public event Action? LoadChanged;

    /// <summary>Asks the membership agent to read the table now (a peer has a newer version than ours).</summary>
    public void RequestRefresh() => RefreshRequested?.Invoke();

    // WithLeaving: the ring as it was with the silos now shutting down still in it (null when none is).
    private sealed record State(MembershipSnapshot Snapshot, HashRing Ring, HashSet<SiloAddress> ActiveSet, HashRing? WithLeaving);
}
