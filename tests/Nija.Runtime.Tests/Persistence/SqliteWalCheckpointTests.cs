using Nija.Runtime.Persistence;
using Nija.Runtime.Sql;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>
/// SQLite's write-ahead log is copied into the database every Nija:Storage:Sqlite:WalAutoCheckpointPages
/// pages, so that a page rewritten many times between two checkpoints is copied once; with a
/// Nija:Storage:Sqlite:CheckpointInterval a connection of its own does it on a clock instead, off the writer.
/// </summary>
public sealed class SqliteWalCheckpointTests
{
    private static async Task<(SqliteDialect Dialect, string WalPath)> OpenAsync(int walAutoCheckpointPages, TimeSpan? checkpointInterval = null, TimeProvider? time = null)
    {
        var options = new SqliteStorageOptions { DataDir = TestDatabases.NewSqliteDir(), WalAutoCheckpointPages = walAutoCheckpointPages };
        // The commits' own checkpoints are what these tests are about, unless one asks for the background checkpointer.
        var dialect = new SqliteDialect(options.ConnectionString, compressStatesAbove: null, walAutoCheckpointPages: walAutoCheckpointPages,
            checkpointInterval: checkpointInterval ?? TimeSpan.Zero, timeProvider: time);
        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        return (dialect, Path.Combine(options.DataDir, options.FileName) + "-wal");
    }

    // 400 distinct states of 3 KB, each committed on its own: at least 400 pages through the log.
    private static async Task WriteStatesAsync(SqlDialect dialect)
    {
        var storage = new SqlGrainStorage(dialect, TimeProvider.System);
        var serviceId = TestDatabases.NewServiceId();
        var payload = new byte[3_000];
        for (var i = 0; i < 400; i++)
        {
            new Random(i).NextBytes(payload);
            await storage.WriteAsync(new StateKey(serviceId, "t", $"g{i}", "s"), payload, null, default);
        }
    }

    [Fact]
    public async Task Connections_checkpoint_at_the_configured_page_count()
    {
        var (configured, _) = await OpenAsync(2_500);
        var defaults = new SqliteDialect(new SqliteStorageOptions { DataDir = TestDatabases.NewSqliteDir() }.ConnectionString);

        Assert.Equal(2_500L, await AutoCheckpointAsync(configured));
        Assert.Equal((long)SqliteStorageOptions.DefaultWalAutoCheckpointPages, await AutoCheckpointAsync(defaults));
    }

    [Fact]
    public async Task A_short_checkpoint_interval_keeps_the_log_short_and_a_long_one_lets_it_grow()
    {
        var (shortLog, shortWal) = await OpenAsync(100);
        var (longLog, longWal) = await OpenAsync(1_000_000);

        await WriteStatesAsync(shortLog);
        await WriteStatesAsync(longLog);

        Assert.True(new FileInfo(shortWal).Length < 300 * 4_096, $"{new FileInfo(shortWal).Length} bytes of log at 100 pages");
        Assert.True(new FileInfo(longWal).Length > 400 * 4_096, $"{new FileInfo(longWal).Length} bytes of log at 1,000,000 pages");
    }

    [Fact]
    public void An_interval_below_100_pages_is_refused_naming_the_setting()
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions { WalAutoCheckpointPages = 50 });

        Assert.True(result.Failed);
        Assert.Contains("Nija:Storage:Sqlite:WalAutoCheckpointPages", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_background_checkpointer_copies_the_whole_log_into_the_database_on_its_clock()
    {
        var clock = new ManualTimeProvider();
        var (dialect, _) = await OpenAsync(1_000_000, TimeSpan.FromSeconds(1), clock);
        await WriteStatesAsync(dialect);
        var checkpointed = new TaskCompletionSource<(long Log, long Copied)>(TaskCreationOptions.RunContinuationsAsynchronously);
        dialect.Checkpointer!.Checkpointed += (log, copied) => checkpointed.TrySetResult((log, copied));

        Assert.Equal(0, dialect.Checkpointer.Checkpoints);
        clock.Advance(TimeSpan.FromSeconds(1));
        var (log, copied) = await checkpointed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(log >= 400, $"{log} pages in the log after 400 commits");
        Assert.Equal(log, copied);
        await dialect.DisposeAsync();
    }

    [Fact]
    public async Task With_the_background_checkpointer_the_log_starts_over_instead_of_growing()
    {
        var clock = new ManualTimeProvider();
        var (background, backgroundWal) = await OpenAsync(1_000_000, TimeSpan.FromSeconds(1), clock);
        var (commitsOnly, commitsOnlyWal) = await OpenAsync(1_000_000);
        await WriteStatesAsync(background);
        await WriteStatesAsync(commitsOnly);
        var firstBackground = new FileInfo(backgroundWal).Length;
        var firstCommitsOnly = new FileInfo(commitsOnlyWal).Length;
        var checkpointed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        background.Checkpointer!.Checkpointed += (_, _) => checkpointed.TrySetResult();
        clock.Advance(TimeSpan.FromSeconds(1));
        await checkpointed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await WriteStatesAsync(background);
        await WriteStatesAsync(commitsOnly);

        Assert.True(new FileInfo(backgroundWal).Length <= firstBackground * 1.2, $"{new FileInfo(backgroundWal).Length} bytes of log after {firstBackground}");
        Assert.True(new FileInfo(commitsOnlyWal).Length >= firstCommitsOnly * 1.8, $"{new FileInfo(commitsOnlyWal).Length} bytes of log after {firstCommitsOnly}");
        await background.DisposeAsync();
        await commitsOnly.DisposeAsync();
    }

    [Fact]
    public void A_negative_checkpoint_interval_is_refused_naming_the_setting()
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions { CheckpointInterval = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains("Nija:Storage:Sqlite:CheckpointInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    private static async Task<long> AutoCheckpointAsync(SqlDialect dialect)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_autocheckpoint";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
