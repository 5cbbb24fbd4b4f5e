using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Sql;

/// <summary>The registrations every SQL provider shares; a provider adds its options and its dialect.</summary>
public static class SqlSiloBuilderExtensions
{
    /// <summary>
    /// Registers grain storage named <paramref name="name"/> and the reminder table on the dialect
    /// <typeparamref name="TDialect"/> (which the provider registers), and migrates its schema at start.
    /// </summary>
    public static ISiloBuilder UseSqlStorage<TDialect>(this ISiloBuilder silo, string name)
        where TDialect : SqlDialect
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ISiloStartupTask, SqlMigrationStartupTask<TDialect>>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
            new SqlGrainStorage(sp.GetRequiredService<TDialect>(), sp.GetRequiredService<TimeProvider>()));
        silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new SqlReminderTable(sp.GetRequiredService<TDialect>())));
        return silo;
    }
}
