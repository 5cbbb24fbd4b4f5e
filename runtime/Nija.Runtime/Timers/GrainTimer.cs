using Nija.Runtime.Abstractions.Timers;
using Nija.Runtime.Activation;

namespace Nija.Runtime.Timers;

/// <summary>
/// A grain timer: each tick is a turn of the activation, and the next tick is armed only after the
/// previous one completed (still inside its turn), so ticks never overlap. Disposed with the activation.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly GrainTimerCreationOptions _options;
    private readonly ITimer _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private int _version;
    private int _firedVersion;
    private volatile bool _disposed;

    public GrainTimer(ActivationData activation, TimeProvider time, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        // Timeout.InfiniteTimeSpan creates the timer dormant, as System.Threading.Timer does: it fires only after Change.
        if (options.DueTime != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(options.DueTime, TimeSpan.Zero, nameof(options));
        }

        _activation = activation;
        _callback = callback;
        _state = state;
        _options = options;
        _dueTime = options.DueTime;
        _period = options.Period;
        _timer = time.CreateTimer(static s => ((GrainTimer)s!).OnFire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Start() => _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _dueTime = dueTime;
        _period = period;
        Interlocked.Increment(ref _version);
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer.Dispose();
        _activation.RemoveLifetimeResource(this);
    }

    private void OnFire()
    {
        if (_disposed)
        {
            return;
        }

        _firedVersion = Volatile.Read(ref _version);
        _ = _activation.EnqueueCallback(static (s, ct) => ((GrainTimer)s!).TickAsync(ct), this, _options.Interleave, _options.KeepAlive);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _callback(_state, cancellationToken);
        }
        catch (Exception e)
        {
            if (!_disposed)
            {
                _activation.LogTimerFailure(e);
            }
        }
        finally
        {
            // Armed inside the tick's own turn, so any call the grain serves after the tick finds the
            // next one armed (a clock moved right after such a call fires it).
            ArmNext();
        }
    }

    private void ArmNext()
    {
        // Change() during the tick armed the timer already; otherwise the period counts from now.
        if (_disposed || Volatile.Read(ref _version) != _firedVersion || _period == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _timer.Change(_period, Timeout.InfiniteTimeSpan);
    }
}
