using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;
using Nija.Runtime.Proxies;

namespace Nija.Runtime.Reminders;

/// <summary>
/// Keeps a local timer for every stored reminder this silo owns and delivers each tick as a call to
/// the grain's <see cref="IRemindable.ReceiveReminder"/>, which activates it if needed. Outside a
/// cluster the silo owns them all; in one it owns the reminders whose grain hash falls in its ranges
/// of the hash ring (the same silo that owns the grain), re-reads them when the view changes, so a
/// dead silo's reminders tick on at their new owners. Ticks are not recorded as delivered: after a
/// crash a tick can come again (see <see cref="IRemindable"/>).
/// </summary>
internal sealed partial class ReminderService(
    IReminderTable table,
    GrainReferenceFactory factory,
    ClusterView view,
    TimeProvider time,
    IOptions<SiloOptions> options,
    ILogger<ReminderService> log) : IReminderRegistry, IDisposable
{
    private readonly ConcurrentDictionary<(GrainId, string), LocalReminder> _local = new();
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly string _serviceId = options.Value.ServiceId;
    private readonly TimeSpan _minimumPeriod = options.Value.MinimumReminderPeriod;
    private readonly TimeProvider _time = time;
    private ITimer? _refresh;
    private volatile bool _stopped;

    private bool Partitioned => view.IsEnabled && !view.IsClient;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stopped = false;
        if (view.IsClient)
        {
            // A client owns no grains, so no reminders either.
            return;
        }

        if (!Partitioned)
        {
            foreach (var entry in await table.ReadRangeAsync(_serviceId, 0, uint.MaxValue, cancellationToken))
            {
                Schedule(entry);
            }

            return;
        }

        view.Changed += OnViewChanged;
        await LoadOwnedAsync(cancellationToken);
        var period = options.Value.ReminderRefreshPeriod;
        _refresh = _time.CreateTimer(static s => _ = ((ReminderService)s!).ReloadAsync(), this, period, period);
    }

    public void Stop()
    {
        _stopped = true;
        view.Changed -= OnViewChanged;
        _refresh?.Dispose();
        foreach (var r in _local.Values)
        {
            r.Dispose();
        }

        _local.Clear();
    }

    // The load gate is not disposed: a reload may still be finishing, and it holds no wait handle.
    public void Dispose() => _refresh?.Dispose();

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, _minimumPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var entry = new ReminderEntry(_serviceId, grainId, reminderName, _time.GetUtcNow() + dueTime, period);
        await table.UpsertAsync(entry, CancellationToken.None);
        if (view.IsLocal(grainId))
        {
            Schedule(entry);
        }

        return new GrainReminder(reminderName, period);
    }

    public async Task UnregisterReminder(GrainId grainId, string reminderName)
    {
        await table.RemoveAsync(_serviceId, grainId, reminderName, CancellationToken.None);
        if (_local.TryRemove((grainId, reminderName), out var local))
        {
            local.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName) =>
        (await GetReminders(grainId)).FirstOrDefault(r => r.ReminderName == reminderName);

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId) =>
        [.. (await table.ReadGrainAsync(_serviceId, grainId, CancellationToken.None)).Select(e => new GrainReminder(e.Name, e.Period))];

    /// <summary>The reminders this silo is ticking.</summary>
    public IReadOnlyCollection<ReminderEntry> Scheduled => [.. _local.Values.Select(l => l.Entry)];

    private void OnViewChanged(MembershipSnapshot snapshot) => _ = ReloadAsync();

    private async Task ReloadAsync()
    {
        try
        {
            await LoadOwnedAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            LoadFailed(e);
        }
    }

    /// <summary>Schedules the reminders of the ranges this silo owns and drops the ones it no longer owns.</summary>
    private async Task LoadOwnedAsync(CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped)
            {
                return;
            }

            foreach (var (key, local) in _local)
            {
                if (!view.IsLocal(key.Item1) && _local.TryRemove(KeyValuePair.Create(key, local)))
                {
                    local.Dispose();
                }
            }

            if (view.Self is not { } self)
            {
                return;
            }

            foreach (var (begin, end) in view.Ring.RangesOf(self))
            {
                foreach (var entry in await table.ReadRangeAsync(_serviceId, begin, end, cancellationToken))
                {
                    if (view.IsLocal(entry.GrainId)
                        && (!_local.TryGetValue((entry.GrainId, entry.Name), out var existing) || existing.Entry != entry))
                    {
                        Schedule(entry);
                    }
                }
            }
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        if (_stopped)
        {
            return;
        }

        var local = new LocalReminder(entry, _time, TickAsync);
        _local.AddOrUpdate((entry.GrainId, entry.Name), local, (_, old) =>
        {
            old.Dispose();
            return local;
        });
        local.Arm(ReminderSchedule.NextTick(entry, _time.GetUtcNow()));
    }

    private async Task TickAsync(LocalReminder local, DateTimeOffset due)
    {
        var entry = local.Entry;
        // The next tick is armed as this one fires, before the grain is called: a grain (or a test moving a
        // manual clock) that has seen a tick finds the next one armed. Armed after the call, as before, a clock
        // moved on between the tick and the re-arm left the next tick a period later than it was due. Ticks
        // still do not overlap in a grain that is not reentrant: its calls run one at a time, so a slow tick delays the next.
        if (!local.IsDisposed)
        {
            var next = ReminderSchedule.NextTick(entry, _time.GetUtcNow());
            local.Arm(next <= due ? due + entry.Period : next);
        }

        try
        {
            var grain = (IRemindable)factory.GetReference(typeof(IRemindable), entry.GrainId);
            await grain.ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, due));
        }
        catch (Exception e)
        {
            TickFailed(e, entry.Name, entry.GrainId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} of {Grain} failed to tick")]
    private partial void TickFailed(Exception e, string name, GrainId grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading this silo's reminders failed; the next view change or refresh tries again")]
    private partial void LoadFailed(Exception e);
}
