using Nija.Runtime.PostgreSql;
using Nija.Runtime.Sqlite;
using Npgsql;

namespace Nija.Grains.Tests.Support;

/// <summary>The SQL engines the store conformance suites run on: a fresh SQLite file, or the PostgreSQL ./test.sh starts.</summary>
public static class SqlTestDialects
{
    public static SqliteDialect NewSqlite() =>
        new(new SqliteStorageOptions { DataDir = Directory.CreateTempSubdirectory().FullName }.ConnectionString);

    public static PostgreSqlDialect Postgres()
    {
        var url = Environment.GetEnvironmentVariable("NIJA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("NIJA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
        return new PostgreSqlDialect(NpgsqlDataSource.Create(url), 2);
    }
}
