using System.Text;
using Nija.Runtime.Persistence;
using Nija.Runtime.PostgreSql;
using Nija.Runtime.Sql;
using Nija.Runtime.Tests.Support;
using Npgsql;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>
/// The one write queue per database: writes of different stores share commits, a bad write fails
/// alone, and disposing drains the queue. Each engine subclasses this.
/// </summary>
public abstract class SqlWriteQueueConformance : IAsyncLifetime
{
    private readonly string _service = TestDatabases.NewServiceId();

    private SqlDialect Dialect { get; set; } = null!;

    protected abstract Task<SqlDialect> CreateSingleWriterDialectAsync();

    public async Task InitializeAsync()
    {
        Dialect = await CreateSingleWriterDialectAsync();
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS nija_test_rows (service TEXT NOT NULL, n BIGINT NOT NULL, UNIQUE (service, n))";
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await Dialect.DisposeAsync();

    [Fact]
    public async Task Writes_of_different_stores_queued_together_share_one_commit()
    {
        var storage = new SqlGrainStorage(Dialect, TimeProvider.System);
        var gate = new GateWrite();
        Dialect.Writes.Enqueue(gate);
        gate.Entered.Wait(TimeSpan.FromSeconds(10));
        var before = Dialect.Writes.Commits;

        var rows = Enumerable.Range(1, 150).Select(n => Row(n)).ToList();
        rows.ForEach(Dialect.Writes.Enqueue);
        var state = storage.WriteAsync(new StateKey(_service, "counter", "g1", "s"), Encoding.UTF8.GetBytes("{\"n\":1}"), null, CancellationToken.None);
        gate.Release.Set();

        await Task.WhenAll(rows.Select(r => r.Done.Task));
        Assert.Equal(1, await state);
        Assert.Equal(150, await CountRowsAsync());
        // The gate's own commit, then one for the 150 rows and the state together.
        Assert.Equal(2, Dialect.Writes.Commits - before);
    }

    [Fact]
    public async Task A_failing_write_fails_alone_and_the_writes_batched_with_it_are_stored()
    {
        var gate = new GateWrite();
        Dialect.Writes.Enqueue(gate);
        gate.Entered.Wait(TimeSpan.FromSeconds(10));
        var good = Enumerable.Range(1, 10).Select(n => Row(n)).ToList();
        var bad = new RowWrite("INSERT INTO nija_no_such_table (n) VALUES (@n)", 1);
        good.Take(5).ToList().ForEach(Dialect.Writes.Enqueue);
        Dialect.Writes.Enqueue(bad);
        good.Skip(5).ToList().ForEach(Dialect.Writes.Enqueue);
        gate.Release.Set();

        await Task.WhenAll(good.Select(r => r.Done.Task));
        await Assert.ThrowsAnyAsync<Exception>(() => bad.Done.Task);
        Assert.Equal(10, await CountRowsAsync());
    }

    [Fact]
    public async Task Disposing_commits_what_is_queued_and_then_refuses_writes()
    {
        var rows = Enumerable.Range(1, 50).Select(n => Row(n)).ToList();
        rows.ForEach(Dialect.Writes.Enqueue);
        await Dialect.DisposeAsync();

        Assert.All(rows, r => Assert.True(r.Done.Task.IsCompletedSuccessfully));
        var late = Row(51);
        Dialect.Writes.Enqueue(late);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => late.Done.Task);
        Dialect = await CreateSingleWriterDialectAsync();
        Assert.Equal(50, await CountRowsAsync());
    }

    private RowWrite Row(long n) => new("INSERT INTO nija_test_rows (service, n) VALUES (@s, @n)", n, _service);

    private async Task<long> CountRowsAsync()
    {
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM nija_test_rows WHERE service = '{_service}'";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class RowWrite(string sql, long n, string? service = null) : ISqlWrite
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Stage(SqlStatementBatch batch) =>
            batch.Add(sql, service is null ? [("n", n)] : [("s", service), ("n", n)]);

        public void Committed(SqlStatementBatch batch) => Done.TrySetResult();

        public void Fail(Exception error) => Done.TrySetException(error);
    }

    // Holds the single writer inside its first batch so that what is queued meanwhile goes in the next one.
    private sealed class GateWrite : ISqlWrite
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Stage(SqlStatementBatch batch)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(10));
        }

        public void Committed(SqlStatementBatch batch)
        {
        }

        public void Fail(Exception error)
        {
        }
    }
}

public sealed class SqliteWriteQueueTests : SqlWriteQueueConformance
{
    private readonly string _dir = TestDatabases.NewSqliteDir();

    protected override Task<SqlDialect> CreateSingleWriterDialectAsync() => TestDatabases.SqliteAsync(_dir);
}

public sealed class PostgreSqlWriteQueueTests : SqlWriteQueueConformance
{
    protected override async Task<SqlDialect> CreateSingleWriterDialectAsync()
    {
        var dialect = new PostgreSqlDialect(NpgsqlDataSource.Create(TestDatabases.PostgresConnectionString), writeConcurrency: 1);
        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        return dialect;
    }
}
