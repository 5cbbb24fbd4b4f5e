namespace Nija.Runtime.Messaging;

/// <summary>
/// The caller's side of a call: completes the task the grain reference returned, and owns the
/// response timeout. Continuations run asynchronously so a caller never runs inside the callee's turn.
/// </summary>
internal abstract class ResponseCompletion
{
    private ITimer? _timer;

    /// <summary>What the proxy returns: a Task, or a boxed ValueTask.</summary>
    public abstract object ReturnValue { get; }

    public abstract Task Task { get; }

    public abstract bool TryComplete(object? result);

    public abstract bool TryFail(Exception error);

    public void Complete(object? result)
    {
        if (TryComplete(result))
        {
            _timer?.Dispose();
        }
    }

    public void Fail(Exception error)
    {
        if (TryFail(error))
        {
            _timer?.Dispose();
        }
    }

    /// <summary>Fails the call with a <see cref="TimeoutException"/> unless it completes within <paramref name="timeout"/>.</summary>
    public void ArmTimeout(TimeProvider time, TimeSpan timeout, Message message)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _timer = time.CreateTimer(static s =>
        {
            var m = (Message)s!;
            m.Completion!.TryFail(new TimeoutException(
                $"Response did not arrive on time in {m.Timeout} for {m.Name} on grain {m.Target}."));
        }, message, timeout, System.Threading.Timeout.InfiniteTimeSpan);

        // A call that completed before the timer existed must not leave the timer running.
        if (Task.IsCompleted)
        {
            _timer.Dispose();
        }
    }
}

/// <summary>A call returning Task or ValueTask.</summary>
internal sealed class VoidResponseCompletion(bool isValueTask) : ResponseCompletion
{
    private readonly TaskCompletionSource _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override object ReturnValue => isValueTask ? new ValueTask(_tcs.Task) : _tcs.Task;

    public override Task Task => _tcs.Task;

    public override bool TryComplete(object? result) => _tcs.TrySetResult();

    public override bool TryFail(Exception error) => _tcs.TrySetException(error);
}

/// <summary>A call returning Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
internal sealed class ResponseCompletion<T>(bool isValueTask) : ResponseCompletion
{
    private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override object ReturnValue => isValueTask ? new ValueTask<T>(_tcs.Task) : _tcs.Task;

    public override Task Task => _tcs.Task;

    public override bool TryComplete(object? result) => _tcs.TrySetResult((T)result!);

    public override bool TryFail(Exception error) => _tcs.TrySetException(error);
}
