using System.Data.Common;
using System.Runtime.InteropServices;
using Nija.Runtime.Persistence;

namespace Nija.Runtime.Sql;

/// <summary>
/// Grain storage on a SQL engine (SQLite or PostgreSQL through their <see cref="SqlDialect"/>). The
/// row key is (service_id, grain_type, grain_key, state_name), a primary key, so no two states can
/// collide. Writes are conditional on the version (optimistic concurrency) and group-committed.
/// </summary>
public sealed class SqlGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string KeyFilter = "service_id = @s AND grain_type = @t AND grain_key = @k AND state_name = @n";
    private readonly SqlDialect _dialect;
    private readonly WriteBatcher<PendingRead>? _reads;
    private readonly TimeProvider _time;

    /// <summary>Creates the storage; call <see cref="SqlSchemaMigrator.MigrateAsync(SqlDialect, CancellationToken)"/> first.</summary>
    public SqlGrainStorage(SqlDialect dialect, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _time = time;
        _reads = dialect.BatchReads ? new WriteBatcher<PendingRead>(ReadBatchAsync, dialect.WriteConcurrency, 128) : null;
    }

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        if (_reads is null)
        {
            return ReadOneAsync(key, cancellationToken);
        }

        var read = new PendingRead(key);
        _reads.Enqueue(read);
        return read.Done.Task;
    }

    private async Task<StoredState?> ReadOneAsync(StateKey key, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT payload, version, payload_codec FROM nija_grain_state WHERE {KeyFilter}";
        AddKey(cmd, key);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredState(reader.IsDBNull(0) ? null : StatePayloadCodec.Decode((byte[])reader.GetValue(0), reader.GetInt64(2)), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task<long> WriteAsync(StateKey key, ReadOnlyMemory<byte> payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        // A payload that is a whole array (as the serializer hands it over) is bound as it is, not copied.
        var bytes = MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : payload.ToArray();
        // Encoded here, on the caller's thread, so that the database's single writer only binds the result.
        var (stored, codec) = StatePayloadCodec.Encode(bytes, _dialect.CompressStatesAbove);
        var write = new PendingWrite(this, key, stored, codec, expectedVersion, clear: false);
        _dialect.Writes.Enqueue(write);
        return (await write.Done.Task) ?? throw new InvalidOperationException("A write produced no version.");
    }

    /// <inheritdoc />
    public async Task<long?> ClearAsync(StateKey key, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion is null)
        {
            // Nothing was stored as far as the caller knows: there is nothing to clear, unless someone wrote meanwhile.
            var stored = await ReadAsync(key, cancellationToken);
            return stored is null ? null : throw StorageConflicts.Stale(key, null, stored.Version);
        }

        var write = new PendingWrite(this, key, null, StatePayloadCodec.Raw, expectedVersion, clear: true);
        _dialect.Writes.Enqueue(write);
        return await write.Done.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_reads is not null)
        {
            await _reads.DisposeAsync();
        }
    }

    // Concurrent activations' reads in one round trip: a row-value IN over the whole key.
    private async Task ReadBatchAsync(IReadOnlyList<PendingRead> batch)
    {
        var found = new Dictionary<StateKey, StoredState>();
        await using (var connection = await _dialect.OpenAsync(CancellationToken.None))
        await using (var cmd = connection.CreateCommand())
        {
            var tuples = new List<string>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var k = batch[i].Key;
                tuples.Add(i == 0 ? "(CAST(@s0 AS TEXT), CAST(@t0 AS TEXT), CAST(@k0 AS TEXT), CAST(@n0 AS TEXT))" : $"(@s{i}, @t{i}, @k{i}, @n{i})");
                cmd.Parameters.Add(cmd, $"s{i}", k.ServiceId);
                cmd.Parameters.Add(cmd, $"t{i}", k.GrainType);
                cmd.Parameters.Add(cmd, $"k{i}", k.GrainKey);
                cmd.Parameters.Add(cmd, $"n{i}", k.StateName);
            }

            // A join with a VALUES list keeps the primary key index in use (a long row-value IN list makes PostgreSQL scan).
            cmd.CommandText = "SELECT g.service_id, g.grain_type, g.grain_key, g.state_name, g.payload, g.version, g.payload_codec FROM nija_grain_state g " +
                              $"JOIN (VALUES {string.Join(", ", tuples)}) AS v(s, t, k, n) ON g.service_id = v.s AND g.grain_type = v.t AND g.grain_key = v.k AND g.state_name = v.n";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found[new StateKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))] =
                    new StoredState(reader.IsDBNull(4) ? null : StatePayloadCodec.Decode((byte[])reader.GetValue(4), reader.GetInt64(6)), reader.GetInt64(5));
            }
        }

        foreach (var read in batch)
        {
            read.Done.TrySetResult(found.GetValueOrDefault(read.Key));
        }
    }

    private static void AddKey(DbCommand cmd, StateKey key)
    {
        cmd.Parameters.Add(cmd, "s", key.ServiceId);
        cmd.Parameters.Add(cmd, "t", key.GrainType);
        cmd.Parameters.Add(cmd, "k", key.GrainKey);
        cmd.Parameters.Add(cmd, "n", key.StateName);
    }

    private sealed record PendingRead(StateKey Key) : IBatchItem
    {
        public TaskCompletionSource<StoredState?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => Done.TrySetException(error);
    }

    // A write is acknowledged only after the commit that holds it; a conditional write that changed
    // no row lost the race for its version and fails as stale, with the version found.
    private sealed class PendingWrite(SqlGrainStorage storage, StateKey key, byte[]? payload, int codec, long? expectedVersion, bool clear) : ISqlWrite
    {
        private int _index;

        public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Stage(SqlStatementBatch batch)
        {
            var now = storage._time.GetUtcNow().ToUnixTimeMilliseconds();
            (string, object?)[] keyed = [("s", key.ServiceId), ("t", key.GrainType), ("k", key.GrainKey), ("n", key.StateName), ("m", now)];
            _index = (clear, expectedVersion) switch
            {
                (true, { } v) => batch.Add($"UPDATE nija_grain_state SET payload = NULL, payload_codec = 0, version = version + 1, modified_at = @m WHERE {KeyFilter} AND version = @v", [.. keyed, ("v", v)]),
                (_, null) => batch.Add("INSERT INTO nija_grain_state (service_id, grain_type, grain_key, state_name, payload, payload_codec, version, modified_at) " +
                                       "VALUES (@s, @t, @k, @n, @p, @c, 1, @m) ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING", [.. keyed, ("p", payload), ("c", codec)]),
                (_, { } v) => batch.Add($"UPDATE nija_grain_state SET payload = @p, payload_codec = @c, version = version + 1, modified_at = @m WHERE {KeyFilter} AND version = @v", [.. keyed, ("p", payload), ("c", codec), ("v", v)]),
            };
        }

        public void Committed(SqlStatementBatch batch)
        {
            if (batch.RowsAffected(_index) == 1)
            {
                Done.TrySetResult((expectedVersion ?? 0) + 1);
            }
            else
            {
                _ = FailStaleAsync();
            }
        }

        public void Fail(Exception error) => Done.TrySetException(error);

        private async Task FailStaleAsync()
        {
            try
            {
                var stored = await storage.ReadAsync(key, CancellationToken.None);
                Done.TrySetException(StorageConflicts.Stale(key, expectedVersion, stored?.Version));
            }
            catch (Exception e)
            {
                Done.TrySetException(e);
            }
        }
    }
}
