using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Hosting;
using Nija.Runtime.Proxies;

namespace Nija.Runtime.Reminders;

/// <summary>
/// Keeps a local timer for every stored reminder of this silo and delivers each tick as a call to
/// the grain's <see cref="IRemindable.ReceiveReminder"/>, which activates it if needed. Ticks are
/// not recorded as delivered: after a crash a tick can come again (see <see cref="IRemindable"/>).
/// </summary>
internal sealed partial class ReminderService(
    IReminderTable table,
    GrainReferenceFactory factory,
    TimeProvider time,
    IOptions<SiloOptions> options,
    ILogger<ReminderService> log) : IReminderRegistry
{
    private readonly ConcurrentDictionary<(GrainId, string), LocalReminder> _local = new();
    private readonly string _serviceId = options.Value.ServiceId;
    private readonly TimeProvider _time = time;
    private volatile bool _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stopped = false;
        foreach (var entry in await table.ReadRangeAsync(_serviceId, 0, uint.MaxValue, cancellationToken))
        {
            Schedule(entry);
        }
    }

    public void Stop()
    {
        _stopped = true;
        foreach (var r in _local.Values)
        {
            r.Dispose();
        }

        _local.Clear();
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, IReminderRegistry.MinimumPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var entry = new ReminderEntry(_serviceId, grainId, reminderName, _time.GetUtcNow() + dueTime, period);
        await table.UpsertAsync(entry, CancellationToken.None);
        Schedule(entry);
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

    private void Schedule(ReminderEntry entry)
    {
        if (_stopped)
        {
            return;
        }

        var local = new LocalReminder(entry, this);
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
        try
        {
            var grain = (IRemindable)factory.GetReference(typeof(IRemindable), entry.GrainId);
            await grain.ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, due));
        }
        catch (Exception e)
        {
            TickFailed(e, entry.Name, entry.GrainId);
        }

        if (!local.IsDisposed)
        {
            var next = ReminderSchedule.NextTick(entry, _time.GetUtcNow());
            local.Arm(next <= due ? due + entry.Period : next);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} of {Grain} failed to tick")]
    private partial void TickFailed(Exception e, string name, GrainId grain);

    private sealed class LocalReminder(ReminderEntry entry, ReminderService owner) : IDisposable
    {
        private readonly ReminderService _owner = owner;
        private ITimer? _timer;
        private volatile bool _disposed;

        public ReminderEntry Entry => entry;

        public bool IsDisposed => _disposed;

        public void Arm(DateTimeOffset due)
        {
            var delay = due - _owner._time.GetUtcNow();
            _timer?.Dispose();
            if (_disposed)
            {
                return;
            }

            _timer = _owner._time.CreateTimer(
                static s =>
                {
                    var (self, at) = ((LocalReminder, DateTimeOffset))s!;
                    if (!self._disposed)
                    {
                        _ = self._owner.TickAsync(self, at);
                    }
                },
                (this, due),
                delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
                Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
