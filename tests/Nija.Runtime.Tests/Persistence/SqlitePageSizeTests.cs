using Nija.Runtime.Persistence;
using Nija.Runtime.Sql;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>Nija:Storage:Sqlite:PageSize: the page size of a database file created from now on.</summary>
public sealed class SqlitePageSizeTests
{
    private static async Task<SqliteDialect> OpenAsync(string dataDir, int? pageSize = null)
    {
        var options = new SqliteStorageOptions { DataDir = dataDir };
        var dialect = pageSize is { } size ? new SqliteDialect(options.ConnectionString, pageSize: size) : new SqliteDialect(options.ConnectionString);
        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        return dialect;
    }

    private static async Task<long> PageSizeAsync(SqlDialect dialect)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA page_size";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_new_database_gets_the_configured_page_size_and_8_KB_by_default()
    {
        Assert.Equal(8_192L, await PageSizeAsync(await OpenAsync(TestDatabases.NewSqliteDir())));
        Assert.Equal(16_384L, await PageSizeAsync(await OpenAsync(TestDatabases.NewSqliteDir(), 16_384)));
    }

    [Fact]
    public async Task A_database_created_with_another_page_size_keeps_it_and_its_states_read_back()
    {
        var dir = TestDatabases.NewSqliteDir();
        var key = new StateKey(TestDatabases.NewServiceId(), "t", "g", "s");
        await new SqlGrainStorage(await OpenAsync(dir, 4_096), TimeProvider.System).WriteAsync(key, new byte[] { 1, 2, 3 }, null, default);

        var reopened = await OpenAsync(dir, 8_192);
        var read = await new SqlGrainStorage(reopened, TimeProvider.System).ReadAsync(key, default);

        Assert.Equal(4_096L, await PageSizeAsync(reopened));
        Assert.NotNull(read);
        Assert.Equal([1, 2, 3], read.Payload);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1_000)]
    [InlineData(131_072)]
    public void A_page_size_that_is_not_a_power_of_two_from_512_to_65536_is_refused_naming_the_setting(int pageSize)
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions { PageSize = pageSize });

        Assert.True(result.Failed);
        Assert.Contains("Nija:Storage:Sqlite:PageSize", result.FailureMessage, StringComparison.Ordinal);
    }
}
