using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nija.Bench.Grains;
using Nija.Runtime.Hosting;
using Nija.Runtime.PostgreSql;
using Nija.Runtime.Sqlite;
using Npgsql;

namespace Nija.Bench.Support;

/// <summary>The two durable stores, each with a raw connection for baselines and a silo configuration.</summary>
public sealed record BenchStore(string Name, Func<Task<DbConnection>> OpenRaw, Action<ISiloBuilder> UseInSilo, string BlobType)
{
    /// <summary>SQLite in a fresh folder, and PostgreSQL through <paramref name="postgres"/> when given (one pool for the whole run).</summary>
    public static IReadOnlyList<BenchStore> Create(NpgsqlDataSource? postgres, string? postgresConnectionString)
    {
        var stores = new List<BenchStore>();
        var sqliteDir = Directory.CreateTempSubdirectory("nija-bench-").FullName;
        var sqlite = new SqliteStorageOptions { DataDir = sqliteDir };
        stores.Add(new BenchStore("SQLite", async () =>
        {
            var c = new SqliteConnection(sqlite.ConnectionString);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            await cmd.ExecuteNonQueryAsync();
            return c;
        }, s => s.UseSqlite(o => o.DataDir = sqliteDir), "BLOB"));
        if (postgres is not null && postgresConnectionString is not null)
        {
            stores.Add(new BenchStore("PostgreSQL", async () => await postgres.OpenConnectionAsync(),
                s => s.UsePostgreSql(o =>
                {
                    o.ConnectionString = postgresConnectionString;
                    o.WriteConcurrency = 4;
                }), "BYTEA"));
        }

        return stores;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var c = await OpenRaw();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Writes N account states straight into the runtime's table, as if grains had written them earlier.</summary>
    public async Task SeedAccountsAsync(string serviceId, int count)
    {
        await using var c = await OpenRaw();
        for (var start = 0; start < count; start += 1000)
        {
            await using var tx = await c.BeginTransactionAsync();
            for (var i = start; i < Math.Min(count, start + 1000); i++)
            {
                await using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO nija_grain_state (service_id, grain_type, grain_key, state_name, payload, version, modified_at) VALUES (@s, 'benchaccount', @k, 'account', @p, 1, 0)";
                Add(cmd, "s", serviceId);
                Add(cmd, "k", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Add(cmd, "p", JsonSerializer.SerializeToUtf8Bytes(AccountState.Sample(i), JsonSerializerOptions.Web));
                await cmd.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }
    }

    public static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
