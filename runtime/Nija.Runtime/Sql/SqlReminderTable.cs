using System.Data.Common;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Sql;

/// <summary>
/// Reminders on a SQL engine: one row per (service, grain type, grain key, name), with the grain's
/// stable hash stored so that a cluster can read its own hash range.
/// </summary>
public sealed class SqlReminderTable(SqlDialect dialect) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at_ms, period_ms";

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(string serviceId, uint begin, uint end, CancellationToken cancellationToken) =>
        QueryAsync(serviceId, $"SELECT {Columns} FROM nija_reminders WHERE service_id = @s AND grain_hash BETWEEN @b AND @e",
            cmd =>
            {
                cmd.Parameters.Add(cmd, "b", (long)begin);
                cmd.Parameters.Add(cmd, "e", (long)end);
            }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(string serviceId, GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(serviceId, $"SELECT {Columns} FROM nija_reminders WHERE service_id = @s AND grain_type = @t AND grain_key = @k",
            cmd =>
            {
                cmd.Parameters.Add(cmd, "t", grainId.Type);
                cmd.Parameters.Add(cmd, "k", grainId.Key);
            }, cancellationToken);

    /// <inheritdoc />
    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "INSERT INTO nija_reminders (service_id, grain_type, grain_key, name, grain_hash, start_at_ms, period_ms) " +
            "VALUES (@s, @t, @k, @n, @h, @a, @p) ON CONFLICT (service_id, grain_type, grain_key, name) " +
            "DO UPDATE SET start_at_ms = excluded.start_at_ms, period_ms = excluded.period_ms";
        cmd.Parameters.Add(cmd, "s", entry.ServiceId);
        cmd.Parameters.Add(cmd, "t", entry.GrainId.Type);
        cmd.Parameters.Add(cmd, "k", entry.GrainId.Key);
        cmd.Parameters.Add(cmd, "n", entry.Name);
        cmd.Parameters.Add(cmd, "h", (long)entry.GrainHash);
        cmd.Parameters.Add(cmd, "a", entry.StartAt.ToUnixTimeMilliseconds());
        cmd.Parameters.Add(cmd, "p", (long)entry.Period.TotalMilliseconds);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string serviceId, GrainId grainId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM nija_reminders WHERE service_id = @s AND grain_type = @t AND grain_key = @k AND name = @n";
        cmd.Parameters.Add(cmd, "s", serviceId);
        cmd.Parameters.Add(cmd, "t", grainId.Type);
        cmd.Parameters.Add(cmd, "k", grainId.Key);
        cmd.Parameters.Add(cmd, "n", name);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string serviceId, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(cmd, "s", serviceId);
        bind(cmd);
        var result = new List<ReminderEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ReminderEntry(
                serviceId,
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4))));
        }

        return result;
    }
}
