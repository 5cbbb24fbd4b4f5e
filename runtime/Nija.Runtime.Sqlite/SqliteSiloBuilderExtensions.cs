using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Reminders;
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
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<SqliteStorageOptions>().Bind(silo.Configuration.GetSection(SqliteStorageOptions.Section)).ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        silo.Services.AddSingleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>();
        silo.Services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
            Directory.CreateDirectory(o.DataDir);
            return new SqliteDialect(o.ConnectionString);
        });
        silo.Services.AddSingleton<ISiloStartupTask, SqlMigrationStartupTask<SqliteDialect>>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SqlGrainStorage(
            sp.GetRequiredService<SqliteDialect>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.MaxWriteBatch));
        silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new SqlReminderTable(sp.GetRequiredService<SqliteDialect>())));
        return silo;
    }
}
