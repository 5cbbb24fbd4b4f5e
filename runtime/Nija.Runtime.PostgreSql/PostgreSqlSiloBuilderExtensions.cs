using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Reminders;
using Nija.Runtime.Sql;
using Npgsql;

namespace Nija.Runtime.PostgreSql;

/// <summary>Puts a silo's grain state and reminders in PostgreSQL.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>
    /// Uses PostgreSQL (settings from <c>Nija:Storage:PostgreSql</c>, then <paramref name="configure"/>) as
    /// the storage named <paramref name="name"/> and as the reminder table. The schema is migrated at start.
    /// </summary>
    public static ISiloBuilder UsePostgreSql(this ISiloBuilder silo, Action<PostgreSqlStorageOptions>? configure = null, string name = "Default")
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<PostgreSqlStorageOptions>().Bind(silo.Configuration.GetSection(PostgreSqlStorageOptions.Section)).ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        silo.Services.AddSingleton<IValidateOptions<PostgreSqlStorageOptions>, PostgreSqlStorageOptionsValidator>();
        silo.Services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value;
            return new PostgreSqlDialect(NpgsqlDataSource.Create(o.ConnectionString), o.WriteConcurrency);
        });
        silo.Services.AddSingleton<ISiloStartupTask, SqlMigrationStartupTask<PostgreSqlDialect>>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SqlGrainStorage(
            sp.GetRequiredService<PostgreSqlDialect>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value.MaxWriteBatch));
        silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new SqlReminderTable(sp.GetRequiredService<PostgreSqlDialect>())));
        return silo;
    }
}
