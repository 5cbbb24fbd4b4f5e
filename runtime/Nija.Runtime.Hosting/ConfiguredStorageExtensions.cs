using Nija.Runtime.PostgreSql;
using Nija.Runtime.Sqlite;

namespace Nija.Runtime.Hosting;

/// <summary>Chooses the silo's storage from <c>Nija:Storage:Provider</c>.</summary>
public static class ConfiguredStorageExtensions
{
    /// <summary>
    /// Uses the provider configuration names: SQLite under <c>Nija:DataDir</c> (default ./data) unless
    /// <c>Nija:Storage:Provider</c> says PostgreSql or Memory. An unknown name fails validation at start.
    /// </summary>
    public static ISiloBuilder UseConfiguredStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddValidatedOptions<StorageSelectionOptions, StorageSelectionOptionsValidator>(StorageSelectionOptions.Section, null);
        var provider = silo.Configuration[$"{StorageSelectionOptions.Section}:Provider"] ?? "Sqlite";
        if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            return silo.UsePostgreSql();
        }

        if (provider.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            return silo.UseInMemoryStorage();
        }

        var dataDir = silo.Configuration["Nija:DataDir"];
        return silo.UseSqlite(o =>
        {
            if (!string.IsNullOrWhiteSpace(dataDir) && silo.Configuration[$"{SqliteStorageOptions.Section}:DataDir"] is null)
            {
                o.DataDir = dataDir;
            }
        });
    }
}
