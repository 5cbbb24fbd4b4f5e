using Nija.Runtime.Sql;
using Nija.Runtime.Sqlite;

namespace Nija.Bench.Support;

/// <summary>
/// The least an acknowledged order can cost on this disk: one row appended to a SQLite table of its
/// own through the runtime's write queue (group commit), with the app's settings (WAL, synchronous=FULL,
/// its page size and checkpoint interval), and the answer sent only after the commit. The bare
/// endpoint that calls it has no auth, grains or history: what is left is the fsync and the WAL's
/// checkpoints, the floor under any order that is durable when it is answered.
/// </summary>
internal sealed class DurableAppendLog : IAsyncDisposable
{
    private readonly SqliteDialect _dialect;

    private DurableAppendLog(SqliteDialect dialect) => _dialect = dialect;

    public static async Task<DurableAppendLog> OpenAsync(string folder)
    {
        var dialect = new SqliteDialect($"Data Source={Path.Combine(folder, "floor.db")};Pooling=True");
        await using (var connection = await dialect.OpenAsync(CancellationToken.None))
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS floor_orders (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, answer TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        return new DurableAppendLog(dialect);
    }

    /// <summary>Appends <paramref name="answer"/>; completes once the commit holding it is on disk.</summary>
    public Task AppendAsync(string answer, long atMs)
    {
        var write = new Append(answer, atMs);
        _dialect.Writes.Enqueue(write);
        return write.Done.Task;
    }

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    private sealed class Append(string answer, long atMs) : ISqlWrite
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Stage(SqlStatementBatch batch) =>
            batch.Add("INSERT INTO floor_orders (at_ms, answer) VALUES (@at, @answer)", ("at", atMs), ("answer", answer));

        public void Committed(SqlStatementBatch batch) => Done.TrySetResult();

        public void Fail(Exception error) => Done.TrySetException(error);
    }
}
