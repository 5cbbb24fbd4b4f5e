using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.Runtime.Hosting;
using Nija.Runtime.Sql;

namespace Nija.Runtime.Sqlite;

/// <summary>Puts a silo's grain state and reminders in SQLite.</summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>
    /// Uses SQLite (settings from <c>Nija:Storage:Sqlite</c>, then <paramref name="configure"/>) as the
    /// storage named <paramref name="name"/> and as the reminder table. The schema is migrated at start.
    /// </summary>
    public static ISiloBuilder UseSqlite(this ISiloBuilder silo, Action<SqliteStorageOptions>? configure = null, string name = "Default")
    {
        silo.AddValidatedOptions<SqliteStorageOptions, SqliteStorageOptionsValidator>(SqliteStorageOptions.Section, configure);
        silo.Services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
            Directory.CreateDirectory(o.DataDir);
            return new SqliteDialect(o.ConnectionString, o.MaxWriteBatch, o.CompressStatesAbove == 0 ? null : o.CompressStatesAbove, o.WalAutoCheckpointPages, o.PageSize,
                o.CheckpointInterval, sp.GetService<TimeProvider>());
        });
        return silo.UseSqlStorage<SqliteDialect>(name);
    }
}
