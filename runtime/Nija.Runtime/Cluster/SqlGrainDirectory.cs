using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Sql;

namespace Nija.Runtime.Cluster;

/// <summary>
/// The grain directory in SQL, next to the membership table it consults: one row per registered
/// grain. A registration that meets an existing row replaces it only when that row's silo is not
/// Active or ShuttingDown in the membership table (it died or left), or is the registering silo
/// itself; the upsert makes concurrent registrations of one grain agree on a single winner.
/// </summary>
public sealed class SqlGrainDirectory(SqlDialect dialect) : IGrainDirectory
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE nija_grain_directory (
            service_id TEXT NOT NULL, grain_type TEXT NOT NULL, grain_key TEXT NOT NULL,
            address TEXT NOT NULL, generation BIGINT NOT NULL, activation BIGINT NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key));
        CREATE INDEX nija_grain_directory_silo ON nija_grain_directory (service_id, address, generation);
        """,
    ];

    private static readonly string Register = $"""
        INSERT INTO nija_grain_directory (service_id, grain_type, grain_key, address, generation, activation)
        VALUES (@s, @t, @k, @a, @g, @act)
        ON CONFLICT (service_id, grain_type, grain_key) DO UPDATE
        SET address = excluded.address, generation = excluded.generation, activation = excluded.activation
        WHERE (nija_grain_directory.address = excluded.address AND nija_grain_directory.generation = excluded.generation)
           OR NOT EXISTS (
              SELECT 1 FROM nija_membership m
              WHERE m.service_id = nija_grain_directory.service_id AND m.address = nija_grain_directory.address
                AND m.generation = nija_grain_directory.generation
                AND m.status IN ({(int)SiloStatus.Active}, {(int)SiloStatus.ShuttingDown}));
        SELECT address, generation, activation FROM nija_grain_directory WHERE service_id = @s AND grain_type = @t AND grain_key = @k;
        """;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        SqlSchemaMigrator.MigrateAsync(dialect, "directory", Migrations, cancellationToken);

    /// <inheritdoc />
    public async Task<GrainLocation?> LookupAsync(string serviceId, GrainId grain, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT address, generation, activation FROM nija_grain_directory WHERE service_id = @s AND grain_type = @t AND grain_key = @k";
        AddGrain(cmd, serviceId, grain);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadLocation(reader) : null;
    }

    /// <inheritdoc />
    public async Task<GrainLocation> RegisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Register;
        AddGrain(cmd, serviceId, grain);
        AddLocation(cmd, location);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);

        // The upsert returns no rows; the select after it names whoever holds the grain now.
        do
        {
            if (reader.FieldCount == 3 && await reader.ReadAsync(cancellationToken))
            {
                return ReadLocation(reader);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        throw new InvalidOperationException($"The directory entry of {grain} vanished while it was being registered.");
    }

    /// <inheritdoc />
    public async Task UnregisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "DELETE FROM nija_grain_directory WHERE service_id = @s AND grain_type = @t AND grain_key = @k " +
            "AND address = @a AND generation = @g AND activation = @act";
        AddGrain(cmd, serviceId, grain);
        AddLocation(cmd, location);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> UnregisterSiloAsync(string serviceId, SiloAddress silo, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM nija_grain_directory WHERE service_id = @s AND address = @a AND generation = @g";
        cmd.Parameters.Add(cmd, "s", serviceId);
        cmd.Parameters.Add(cmd, "a", silo.Endpoint);
        cmd.Parameters.Add(cmd, "g", silo.Generation);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddGrain(System.Data.Common.DbCommand cmd, string serviceId, GrainId grain)
    {
        cmd.Parameters.Add(cmd, "s", serviceId);
        cmd.Parameters.Add(cmd, "t", grain.Type);
        cmd.Parameters.Add(cmd, "k", grain.Key);
    }

    private static void AddLocation(System.Data.Common.DbCommand cmd, GrainLocation location)
    {
        cmd.Parameters.Add(cmd, "a", location.Silo.Endpoint);
        cmd.Parameters.Add(cmd, "g", location.Silo.Generation);
        cmd.Parameters.Add(cmd, "act", location.ActivationSeq);
    }

    private static GrainLocation ReadLocation(System.Data.Common.DbDataReader r)
    {
        return new GrainLocation(SiloAddress.FromEndpoint(r.GetString(0), r.GetInt64(1)), r.GetInt64(2));
    }
}
