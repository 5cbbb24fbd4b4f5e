using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Sql;

namespace Nija.Runtime.Cluster;

/// <summary>
/// The grain directory in SQL, next to the membership table it consults: one row per registered
/// grain. A registration that meets an existing row replaces it only when that row's silo is not
/// Active or ShuttingDown in the membership table (it died or left), or is the registering silo
/// itself; the upsert makes concurrent registrations of one grain agree on a single winner.
/// </summary>
public sealed class SqlGrainDirectory : IGrainDirectory, IAsyncDisposable
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

    // The upsert's condition: an existing entry yields only to its own silo, or when its silo is no longer alive.
    private static readonly string Yields = $"""
        ON CONFLICT (service_id, grain_type, grain_key) DO UPDATE
        SET address = excluded.address, generation = excluded.generation, activation = excluded.activation
        WHERE (nija_grain_directory.address = excluded.address AND nija_grain_directory.generation = excluded.generation)
           OR NOT EXISTS (
              SELECT 1 FROM nija_membership m
              WHERE m.service_id = nija_grain_directory.service_id AND m.address = nija_grain_directory.address
                AND m.generation = nija_grain_directory.generation
                AND m.status IN ({(int)SiloStatus.Active}, {(int)SiloStatus.ShuttingDown}))
        """;

    private const int MaxBatch = 64;
    private readonly SqlDialect _dialect;
    private readonly WriteBatcher<PendingEntry> _registrations;
    private readonly WriteBatcher<PendingEntry> _lookups;

    /// <summary>Creates the directory; lookups and registrations that arrive together share one statement (and one commit).</summary>
    public SqlGrainDirectory(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        var loops = Math.Max(1, dialect.WriteConcurrency);
        _registrations = new WriteBatcher<PendingEntry>(RegisterBatchAsync, loops, MaxBatch);
        _lookups = new WriteBatcher<PendingEntry>(LookupBatchAsync, loops, MaxBatch);
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        SqlSchemaMigrator.MigrateAsync(_dialect, "directory", Migrations, cancellationToken);

    /// <inheritdoc />
    public Task<GrainLocation?> LookupAsync(string serviceId, GrainId grain, CancellationToken cancellationToken)
    {
        var pending = new PendingEntry(serviceId, grain, null);
        _lookups.Enqueue(pending);
        return pending.Result;
    }

    /// <inheritdoc />
    public async Task<GrainLocation> RegisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken)
    {
        var pending = new PendingEntry(serviceId, grain, location);
        _registrations.Enqueue(pending);
        return await pending.Result ?? throw new InvalidOperationException($"The directory entry of {grain} vanished while it was being registered.");
    }

    /// <inheritdoc />
    public async Task UnregisterAsync(string serviceId, GrainId grain, GrainLocation location, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
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
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM nija_grain_directory WHERE service_id = @s AND address = @a AND generation = @g";
        cmd.Parameters.Add(cmd, "s", serviceId);
        cmd.Parameters.Add(cmd, "a", silo.Endpoint);
        cmd.Parameters.Add(cmd, "g", silo.Generation);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Finishes the queued lookups and registrations, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _registrations.DisposeAsync();
        await _lookups.DisposeAsync();
    }

    private async Task RegisterBatchAsync(IReadOnlyList<PendingEntry> batch)
    {
        foreach (var group in batch.GroupBy(p => p.ServiceId, StringComparer.Ordinal))
        {
            // An upsert may touch a row once, so a grain registered twice in one batch goes in a later round.
            foreach (var round in Rounds(group))
            {
                var values = string.Join(", ", round.Select((_, i) => $"(@s, @t{i}, @k{i}, @a{i}, @g{i}, @act{i})"));
                await RunAsync(group.Key, round,
                    $"INSERT INTO nija_grain_directory (service_id, grain_type, grain_key, address, generation, activation) VALUES {values} {Yields}; ",
                    (cmd, i, p) =>
                    {
                        cmd.Parameters.Add(cmd, $"a{i}", p.Location!.Value.Silo.Endpoint);
                        cmd.Parameters.Add(cmd, $"g{i}", p.Location.Value.Silo.Generation);
                        cmd.Parameters.Add(cmd, $"act{i}", p.Location.Value.ActivationSeq);
                    });
            }
        }
    }

    private async Task LookupBatchAsync(IReadOnlyList<PendingEntry> batch)
    {
        foreach (var group in batch.GroupBy(p => p.ServiceId, StringComparer.Ordinal))
        {
            await RunAsync(group.Key, [.. group], "", null);
        }
    }

    // Runs `prefix` (if any), then reads the entries of every grain of the batch and completes each pending item with its own.
    private async Task RunAsync(string serviceId, IReadOnlyList<PendingEntry> items, string prefix, Action<System.Data.Common.DbCommand, int, PendingEntry>? bind)
    {
        await using var connection = await _dialect.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        var keys = string.Join(", ", items.Select((_, i) => $"(@t{i}, @k{i})"));
        cmd.CommandText = prefix + $"SELECT grain_type, grain_key, address, generation, activation FROM nija_grain_directory WHERE service_id = @s AND (grain_type, grain_key) IN ({keys})";
        cmd.Parameters.Add(cmd, "s", serviceId);
        for (var i = 0; i < items.Count; i++)
        {
            cmd.Parameters.Add(cmd, $"t{i}", items[i].Grain.Type);
            cmd.Parameters.Add(cmd, $"k{i}", items[i].Grain.Key);
            bind?.Invoke(cmd, i, items[i]);
        }

        var found = new Dictionary<GrainId, GrainLocation>();
        await using (var reader = await cmd.ExecuteReaderAsync(CancellationToken.None))
        {
            // An upsert before the select returns no rows of its own.
            do
            {
                while (reader.FieldCount == 5 && await reader.ReadAsync(CancellationToken.None))
                {
                    found[new GrainId(reader.GetString(0), reader.GetString(1))] = new GrainLocation(SiloAddress.FromEndpoint(reader.GetString(2), reader.GetInt64(3)), reader.GetInt64(4));
                }
            }
            while (await reader.NextResultAsync(CancellationToken.None));
        }

        foreach (var item in items)
        {
            item.Complete(found.TryGetValue(item.Grain, out var location) ? location : null);
        }
    }

    private static List<List<PendingEntry>> Rounds(IEnumerable<PendingEntry> items)
    {
        var rounds = new List<(HashSet<GrainId> Grains, List<PendingEntry> Items)>();
        foreach (var item in items)
        {
            var round = rounds.FirstOrDefault(r => !r.Grains.Contains(item.Grain));
            if (round.Items is null)
            {
                round = ([], []);
                rounds.Add(round);
            }

            round.Grains.Add(item.Grain);
            round.Items.Add(item);
        }

        return [.. rounds.Select(r => r.Items)];
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
}
