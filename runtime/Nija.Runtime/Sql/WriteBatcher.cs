using System.Threading.Channels;

namespace Nija.Runtime.Sql;

/// <summary>
/// Group commit: writes that arrive while a batch is being committed wait and go together in the
/// next one, so one durable commit (one fsync) acknowledges many writes. Each write is still
/// acknowledged only after the commit that holds it. With <c>loops</c> &gt; 1, several batches
/// commit at once on separate connections.
/// </summary>
public sealed class WriteBatcher<T> : IAsyncDisposable where T : IBatchItem
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<IReadOnlyList<T>, Task> _commit;
    private readonly int _maxBatch;
    private readonly Task[] _loops;

    /// <summary>Starts <paramref name="loops"/> commit loops that each take up to <paramref name="maxBatch"/> queued items.</summary>
    public WriteBatcher(Func<IReadOnlyList<T>, Task> commit, int loops, int maxBatch)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _loops = [.. Enumerable.Range(0, loops).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Queues an item for the next batch; fails it at once when the batcher is shutting down.</summary>
    public void Enqueue(T item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            item.Fail(new ObjectDisposedException(nameof(WriteBatcher<T>), "The storage is shutting down."));
        }
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private async Task RunAsync()
    {
        var batch = new List<T>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await _commit(batch);
            }
            catch (Exception e)
            {
                foreach (var item in batch)
                {
                    item.Fail(e);
                }
            }

            batch.Clear();
        }
    }
}

/// <summary>An item of a <see cref="WriteBatcher{T}"/>: failed as a whole when its batch fails.</summary>
public interface IBatchItem
{
    /// <summary>Fails the item (its batch failed).</summary>
    void Fail(Exception error);
}
