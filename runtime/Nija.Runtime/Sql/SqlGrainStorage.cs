using System.Data.Common;
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
    private readonly WriteBatcher<PendingWrite> _batcher;
    private readonly WriteBatcher<PendingRead>? _reads;
    private readonly TimeProvider _time;

    /// <summary>Creates the storage; call <see cref="SqlSchemaMigrator.MigrateAsync(SqlDialect, CancellationToken)"/> first.</summary>
    public SqlGrainStorage(SqlDialect dialect, TimeProvider time, int maxBatch = 256)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _time = time;
        _batcher = new WriteBatcher<PendingWrite>(CommitAsync, dialect.WriteConcurrency, maxBatch);
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
        cmd.CommandText = $"SELECT payload, version FROM nija_grain_state WHERE {KeyFilter}";
        AddKey(cmd, key);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredState(reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task<long> WriteAsync(StateKey key, ReadOnlyMemory<byte> payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(key, payload.ToArray(), expectedVersion, Clear: false);
        _batcher.Enqueue(write);
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

        var write = new PendingWrite(key, null, expectedVersion, Clear: true);
        _batcher.Enqueue(write);
        return await write.Done.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
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
            cmd.CommandText = "SELECT g.service_id, g.grain_type, g.grain_key, g.state_name, g.payload, g.version FROM nija_grain_state g " +
                              $"JOIN (VALUES {string.Join(", ", tuples)}) AS v(s, t, k, n) ON g.service_id = v.s AND g.grain_type = v.t AND g.grain_key = v.k AND g.state_name = v.n";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found[new StateKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))] =
                    new StoredState(reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4), reader.GetInt64(5));
            }
        }

        foreach (var read in batch)
        {
            read.Done.TrySetResult(found.GetValueOrDefault(read.Key));
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        var affected = new int[batch.Count];
        await using (var connection = await _dialect.OpenAsync(CancellationToken.None))
        {
            if (connection.CanCreateBatch)
            {
                await using var dbBatch = connection.CreateBatch();
                foreach (var w in batch)
                {
                    var c = dbBatch.CreateBatchCommand();
                    c.CommandText = Statement(w);
                    AddParameters(c.Parameters, w, (name, value) => { var p = c.CreateParameter(); p.ParameterName = name; p.Value = value ?? DBNull.Value; return p; });
                    dbBatch.BatchCommands.Add(c);
                }

                await dbBatch.ExecuteNonQueryAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    affected[i] = dbBatch.BatchCommands[i].RecordsAffected;
                }
            }
            else
            {
                await using var tx = await connection.BeginTransactionAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    await using var cmd = connection.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandText = Statement(batch[i]);
                    AddParameters(cmd.Parameters, batch[i], (name, value) => { var p = cmd.CreateParameter(); p.ParameterName = name; p.Value = value ?? DBNull.Value; return p; });
                    affected[i] = await cmd.ExecuteNonQueryAsync();
                }

                await tx.CommitAsync();
            }
        }

        // Only now, after the commit, is any write acknowledged.
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            if (affected[i] == 1)
            {
                w.Done.TrySetResult((w.ExpectedVersion ?? 0) + 1);
            }
            else
            {
                var stored = await ReadAsync(w.Key, CancellationToken.None);
                w.Done.TrySetException(StorageConflicts.Stale(w.Key, w.ExpectedVersion, stored?.Version));
            }
        }
    }

    private static string Statement(PendingWrite w) => w switch
    {
        { Clear: true } => $"UPDATE nija_grain_state SET payload = NULL, version = version + 1, modified_at = @m WHERE {KeyFilter} AND version = @v",
        { ExpectedVersion: null } => "INSERT INTO nija_grain_state (service_id, grain_type, grain_key, state_name, payload, version, modified_at) " +
                                     "VALUES (@s, @t, @k, @n, @p, 1, @m) ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING",
        _ => $"UPDATE nija_grain_state SET payload = @p, version = version + 1, modified_at = @m WHERE {KeyFilter} AND version = @v",
    };

    private void AddParameters(DbParameterCollection parameters, PendingWrite w, Func<string, object?, DbParameter> create)
    {
        parameters.Add(create("s", w.Key.ServiceId));
        parameters.Add(create("t", w.Key.GrainType));
        parameters.Add(create("k", w.Key.GrainKey));
        parameters.Add(create("n", w.Key.StateName));
        parameters.Add(create("m", _time.GetUtcNow().ToUnixTimeMilliseconds()));
        if (!w.Clear)
        {
            parameters.Add(create("p", w.Payload));
        }

        if (w.ExpectedVersion is { } v)
        {
            parameters.Add(create("v", v));
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

    private sealed record PendingWrite(StateKey Key, byte[]? Payload, long? ExpectedVersion, bool Clear) : IBatchItem
    {
        public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => Done.TrySetException(error);
    }
}
