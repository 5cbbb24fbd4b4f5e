namespace Nija.Runtime.Reminders;

/// <summary>The timer of one reminder on the silo that owns it.</summary>
internal sealed class LocalReminder(ReminderEntry entry, TimeProvider time, Func<LocalReminder, DateTimeOffset, Task> tick) : IDisposable
{
    private ITimer? _timer;
    private volatile bool _disposed;

    public ReminderEntry Entry => entry;

    public bool IsDisposed => _disposed;

    public void Arm(DateTimeOffset due)
    {
        var delay = due - time.GetUtcNow();
        _timer?.Dispose();
        if (_disposed)
        {
            return;
        }

        _timer = time.CreateTimer(
            static s =>
            {
                var (self, at) = ((LocalReminder, DateTimeOffset))s!;
                if (!self._disposed)
                {
                    _ = self.Fire(at);
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

    private Task Fire(DateTimeOffset at) => tick(this, at);
}
