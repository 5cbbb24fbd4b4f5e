using Nija.Runtime.PostgreSql;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Sql;
using Npgsql;

namespace Nija.Runtime.Tests.Support;

/// <summary>
/// The real engines the tests run against. PostgreSQL is the throwaway server test.sh starts
/// (NIJA_TEST_POSTGRES); SQLite is a file in a fresh temporary folder. Tests keep apart by
/// service id, which is part of every key.
/// </summary>
public static class TestDatabases
{
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("NIJA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("NIJA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    public static string NewServiceId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewSqliteDir() => Directory.CreateTempSubdirectory("nija-sqlite-").FullName;

    // One pool and one migration for every test that talks to PostgreSQL directly: the shared fixture.
    private static readonly Lazy<Task<SqlDialect>> SharedPostgres = new(async () =>
    {
        var dialect = new PostgreSqlDialect(NpgsqlDataSource.Create(PostgresConnectionString), writeConcurrency: 4);
        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        return dialect;
    });

    public static Task<SqlDialect> PostgresAsync() => SharedPostgres.Value;

    public static async Task<SqlDialect> SqliteAsync(string? dir = null)
    {
        var options = new SqliteStorageOptions { DataDir = dir ?? NewSqliteDir() };
        var dialect = new SqliteDialect(options.ConnectionString);
        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        return dialect;
    }
}
