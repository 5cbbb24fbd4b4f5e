using System.Collections.Concurrent;

namespace Nija.Runtime.Sql;

/// <summary>
/// One write queue per database: grain state and every table the application keeps beside it commit
/// together, one transaction (one fsync) per batch, instead of each store committing on its own and
/// queueing at the engine's write lock. Writers keep their connection and prepared statements open.
/// A batch that fails is retried write by write, so one bad write fails alone.
/// </summary>
public sealed class SqlWriteQueue : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly WriteBatcher<ISqlWrite> _batcher;
    private readonly ConcurrentBag<SqlWriteSession> _idle = [];
    private long _commits;

    /// <summary>Starts the dialect's <see cref="SqlDialect.WriteConcurrency"/> writers, each taking up to <paramref name="maxBatch"/> writes per commit.</summary>
    public SqlWriteQueue(SqlDialect dialect, int maxBatch = 512)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _batcher = new WriteBatcher<ISqlWrite>(CommitAsync, dialect.WriteConcurrency, maxBatch);
    }

    /// <summary>Transactions committed so far (each holding one or more writes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues a write for the next commit; it is told the outcome through <see cref="ISqlWrite.Committed"/> or <see cref="IBatchItem.Fail"/>.</summary>
    public void Enqueue(ISqlWrite write) => _batcher.Enqueue(write);

    /// <summary>Commits what is queued, then closes the writers' connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        while (_idle.TryTake(out var session))
        {
            await session.DisposeAsync();
        }
    }

    private async Task CommitAsync(IReadOnlyList<ISqlWrite> writes)
    {
        var batch = new SqlStatementBatch();
        try
        {
            await RunAsync(writes, batch);
        }
        catch (Exception) when (writes.Count > 1)
        {
            // Nothing of the batch was committed; each write alone then fails only for its own fault.
            foreach (var write in writes)
            {
                try
                {
                    await RunAsync([write], batch);
                }
                catch (Exception e)
                {
                    write.Fail(e);
                }
            }
        }
    }

    private async Task RunAsync(IReadOnlyList<ISqlWrite> writes, SqlStatementBatch batch)
    {
        batch.Clear();
        foreach (var write in writes)
        {
            write.Stage(batch);
        }

        var session = _idle.TryTake(out var s) ? s : new SqlWriteSession(await _dialect.OpenAsync(CancellationToken.None));
        try
        {
            await batch.ExecuteAsync(session);
        }
        catch
        {
            // The connection may be broken; the next batch opens a new one.
            await session.DisposeAsync();
            throw;
        }

        _idle.Add(session);
        Interlocked.Increment(ref _commits);
        foreach (var write in writes)
        {
            write.Committed(batch);
        }
    }
}
