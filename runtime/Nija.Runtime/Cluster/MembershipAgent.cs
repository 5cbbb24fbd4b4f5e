using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Hosting;
using Nija.Runtime.Networking;

namespace Nija.Runtime.Cluster;

/// <summary>
/// This process's part in membership. A silo inserts its row (Joining), turns Active, writes
/// heartbeats, probes the silos it watches and votes in the table when one stops answering; every
/// process (clients too) reads the table on a short period and whenever a peer says it changed.
/// A silo that reads its own row as Dead stops at once and never comes back under that generation.
/// Probing and voting are in MembershipAgent.Probing.cs.
/// </summary>
internal sealed partial class MembershipAgent : IAsyncDisposable
{
    private int _disposed;
    private readonly IMembershipTable _table;
    private readonly ClusterView _view;
    private readonly ConnectionPool _calls;
    private readonly ConnectionPool _probes;
    private readonly SiloListener _listener;
    private readonly Activation.Catalog _catalog;
    private readonly TimeProvider _time;
    private readonly ClusterOptions _options;
    private readonly string _serviceId;
    private readonly ILogger<MembershipAgent> _log;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private int _refreshWanted;
    private volatile bool _leaving;

    public MembershipAgent(
        IMembershipTable table,
        ClusterView view,
        ConnectionPool calls,
        SiloListener listener,
        CallCodec codec,
        Activation.Catalog catalog,
        TimeProvider time,
        IOptions<ClusterOptions> options,
        IOptions<SiloOptions> silo,
        ILogger<MembershipAgent> log)
    {
        _table = table;
        _view = view;
        _calls = calls;
        _listener = listener;
        _catalog = catalog;
        _probes = new ConnectionPool(options, codec) { Router = calls.Router };
        _time = time;
        _options = options.Value;
        _serviceId = silo.Value.ServiceId;
        _log = log;
        _view.RefreshRequested += () => _ = RefreshSoonAsync();
        _view.Changed += OnViewChanged;
    }

    /// <summary>Raised once when this silo finds it was declared dead (the host stops).</summary>
    public event Action? DeclaredDead;

    /// <summary>Whether this silo was declared dead by its peers.</summary>
    public bool WasDeclaredDead => _view.WasDeclaredDead;

    /// <summary>Creates the schema and reads the table (a client needs nothing more to start routing).</summary>
    public async Task StartClientAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
        _loops.Add(Loop(_options.RefreshPeriod, RefreshAsync));
    }

    /// <summary>Joins as <paramref name="self"/>: Joining, then Active once the row is in; then heartbeats and probes.</summary>
    public async Task JoinAsync(SiloAddress self, CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        _view.SetSelf(self);
        var now = _time.GetUtcNow();
        var entry = new MembershipEntry(self, Environment.MachineName, SiloStatus.Joining, now, now, [], 1);
        if (!await _table.InsertAsync(_serviceId, entry, cancellationToken))
        {
            throw new InvalidOperationException($"Silo {self} is already in the membership table; a generation joins once.");
        }

        await RetireEarlierGenerationsAsync(self, cancellationToken);
        await SetStatusAsync(SiloStatus.Active, cancellationToken);
        Joined(self);
        _loops.Add(Loop(_options.RefreshPeriod, RefreshAsync));
        _loops.Add(Loop(_options.HeartbeatPeriod, ct => _table.HeartbeatAsync(_serviceId, self, _time.GetUtcNow(), _catalog.Count, ct)));
        _loops.Add(Loop(_options.ProbePeriod, ProbeAsync));
        _loops.Add(Loop(TimeSpan.FromSeconds(5), _ => { _calls.Sweep(); return Task.CompletedTask; }));
    }

    /// <summary>Moves this silo's row to <paramref name="status"/> and tells the others.</summary>
    public async Task SetStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        var self = _view.Self ?? throw new InvalidOperationException("The silo has not joined.");
        _leaving |= status == SiloStatus.Dead;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var snapshot = await _table.ReadAllAsync(_serviceId, cancellationToken);
            var mine = snapshot.Find(self) ?? throw new InvalidOperationException($"Silo {self} has no membership row.");
            if (mine.Status == SiloStatus.Dead)
            {
                if (status != SiloStatus.Dead)
                {
                    await OnDeclaredDeadAsync();
                }

                return;
            }

            if (await _table.TryUpdateAsync(_serviceId, mine with { Status = status }, mine.Etag, cancellationToken))
            {
                await RefreshAsync(cancellationToken);
                Broadcast();
                return;
            }
        }

        throw new InvalidOperationException($"Could not set silo {self} to {status}: the row kept changing.");
    }

    /// <summary>Reads the table now and moves the view forward if it changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await _table.ReadAllAsync(_serviceId, cancellationToken);
            if (_view.Self is { } self && snapshot.Find(self) is { Status: SiloStatus.Dead } && !WasDeclaredDead && !_leaving)
            {
                await OnDeclaredDeadAsync();
                return;
            }

            _view.Update(snapshot);
            _view.RecordLoad(snapshot);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await Task.WhenAll(_loops);

        await _probes.DisposeAsync();
        _stop.Dispose();
        _refreshGate.Dispose();
    }

    private void OnViewChanged(MembershipSnapshot snapshot)
    {
        _calls.OnViewChanged(snapshot);
        _probes.OnViewChanged(snapshot);
        if (_view.IsClient)
        {
            // Gateway connections to every silo: calls go straight to owners, and stream items come back on them.
            foreach (var silo in snapshot.Active)
            {
                _ = _calls.GetAsync(silo).ContinueWith(static t => t.Exception, TaskScheduler.Default);
            }
        }
        ViewChanged(snapshot.Version, snapshot.Active.Count);
    }

    /// <summary>Tells every connected peer and every other listed silo that the table changed, so they read it now rather than at their next poll.</summary>
    private void Broadcast()
    {
        var version = _view.Version;

        // Clients and silos connected to this one hear it on those connections at once.
        _listener.NotifyAll(version);
        foreach (var entry in _view.Snapshot.Entries)
        {
            if (entry.Silo != _view.Self && entry.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.ShuttingDown)
            {
                _ = NotifyAsync(entry.Silo, version);
            }
        }
    }

    private async Task NotifyAsync(SiloAddress silo, long version)
    {
        try
        {
            (await _probes.GetAsync(silo)).Notify(version);
        }
        catch (Abstractions.Core.SiloUnavailableException)
        {
            // It will read the table itself, or be voted dead.
        }
    }

    private async Task OnDeclaredDeadAsync()
    {
        if (WasDeclaredDead)
        {
            return;
        }

        _view.WasDeclaredDead = true;
        FoundDead(_view.Self?.ToString() ?? "?");
        await _stop.CancelAsync();
        DeclaredDead?.Invoke();
    }

    private async Task RefreshSoonAsync()
    {
        // Many peers may ask at once: one read serves them all.
        if (Interlocked.Exchange(ref _refreshWanted, 1) == 1)
        {
            return;
        }

        try
        {
            await Task.Yield();
            Interlocked.Exchange(ref _refreshWanted, 0);
            await RefreshAsync(_stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Data.Common.DbException or TimeoutException)
        {
            Interlocked.Exchange(ref _refreshWanted, 0);
        }
    }

    private async Task Loop(TimeSpan period, Func<CancellationToken, Task> work)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await work(_stop.Token);
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    LoopFailed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster")]
    private partial void Joined(SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership view {Version}: {Active} active silos")]
    private partial void ViewChanged(long version, int active);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {Silo} was declared dead by its peers; it stops now and may rejoin only as a new generation")]
    private partial void FoundDead(string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A membership task failed; it runs again next period")]
    private partial void LoopFailed(Exception e);
}
