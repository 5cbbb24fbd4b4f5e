using System.Data.Common;

namespace Nija.Runtime.Sql;

/// <summary>Brings the runtime's tables to the current schema version, once, in a transaction.</summary>
public static class SqlSchemaMigrator
{
    /// <summary>Applies the runtime's migrations not yet applied.</summary>
    public static Task MigrateAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return MigrateAsync(dialect, "runtime", dialect.Migrations, cancellationToken);
    }

    /// <summary>
    /// Applies a component's migrations not yet applied (each component, such as "runtime" or
    /// "history", keeps its own version), in one transaction.
    /// </summary>
    public static async Task MigrateAsync(SqlDialect dialect, string component, IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.MigrationLockStatement is { } lockSql)
        {
            await Execute(connection, tx, lockSql, cancellationToken);
        }

        await Execute(connection, tx, "CREATE TABLE IF NOT EXISTS nija_schema (component TEXT NOT NULL, version INTEGER NOT NULL)", cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT MAX(version) FROM nija_schema WHERE component = @c";
        read.Parameters.Add(read, "c", component);
        var current = await read.ExecuteScalarAsync(cancellationToken) is { } v and not DBNull ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
        for (var i = current; i < migrations.Count; i++)
        {
            await Execute(connection, tx, migrations[i], cancellationToken);
            await Execute(connection, tx, $"INSERT INTO nija_schema (component, version) VALUES ('{component.Replace("'", "''", StringComparison.Ordinal)}', {i + 1})", cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    private static async Task Execute(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
