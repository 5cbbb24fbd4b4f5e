using System.Collections.Concurrent;

namespace Nija.Runtime.Activation;

/// <summary>
/// Runs one activation's tasks one at a time, in order, on the thread pool. Every continuation of
/// grain code (an await without ConfigureAwait(false)) comes back here, which is what makes a grain
/// single-threaded even when calls interleave. It drains a bounded batch per thread-pool work item
/// so that a busy grain cannot starve the others.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private const int BatchSize = 64;
    private readonly ConcurrentQueue<Task> _queue = new();
    private int _scheduled;
    private int _runningThread = -1;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        _queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    public void Execute()
    {
        _runningThread = Environment.CurrentManagedThreadId;
        for (var i = 0; i < BatchSize && _queue.TryDequeue(out var task); i++)
        {
            TryExecuteTask(task);
        }

        _runningThread = -1;

        // A full fence, not a volatile write: the store of 0 must be visible before the emptiness
        // check reads the queue, or a task enqueued meanwhile (whose own CAS still saw 1) is never
        // run. x64 may reorder a plain store after a later load; this lost wakeups under load.
        Interlocked.Exchange(ref _scheduled, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    // Inline only on the thread that is running this scheduler's batch: that keeps one-at-a-time.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && _runningThread == Environment.CurrentManagedThreadId && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];
}
