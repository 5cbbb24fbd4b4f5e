using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;
using Nija.Runtime.Sql;
using Npgsql;

namespace Nija.Runtime.PostgreSql;

/// <summary>Puts a silo's grain state and reminders in PostgreSQL.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>
    /// Uses PostgreSQL (settings from <c>Nija:Storage:PostgreSql</c>, then <paramref name="configure"/>) as
    /// the storage named <paramref name="name"/>, the reminder table and the cluster's membership table and grain directory. The schema is migrated at start.
    /// </summary>
    public static ISiloBuilder UsePostgreSql(this ISiloBuilder silo, Action<PostgreSqlStorageOptions>? configure = null, string name = "Default")
    {
        silo.AddValidatedOptions<PostgreSqlStorageOptions, PostgreSqlStorageOptionsValidator>(PostgreSqlStorageOptions.Section, configure);
        silo.Services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value;
            return new PostgreSqlDialect(NpgsqlDataSource.Create(o.ConnectionString), o.WriteConcurrency, o.MaxWriteBatch);
        });
        // The same database holds the cluster's membership (used when Nija:Cluster:Enabled is true).
        silo.Services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(sp => new SqlMembershipTable(sp.GetRequiredService<PostgreSqlDialect>())));
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainDirectory>(sp => new SqlGrainDirectory(sp.GetRequiredService<PostgreSqlDialect>())));
        return silo.UseSqlStorage<PostgreSqlDialect>(name);
    }
}
