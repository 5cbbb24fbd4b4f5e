using Nija.Runtime.Hosting;

namespace Nija.Runtime.Sql;

/// <summary>Migrates a SQL provider's schema before the silo starts.</summary>
/// <typeparam name="TDialect">The provider's dialect, registered as a singleton.</typeparam>
public sealed class SqlMigrationStartupTask<TDialect>(TDialect dialect) : ISiloStartupTask where TDialect : SqlDialect
{
    /// <inheritdoc />
    public Task ExecuteAsync(CancellationToken cancellationToken) => SqlSchemaMigrator.MigrateAsync(dialect, cancellationToken);
}
