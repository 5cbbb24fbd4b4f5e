using System.Data.Common;
using System.Globalization;
using Nija.Runtime.Sql;

namespace Nija.Runtime.Cluster;

/// <summary>
/// The membership table in SQL (PostgreSQL for clusters). A row per silo incarnation; a version row
/// per deployment that every status change advances in the same transaction, so a reader can tell
/// whether anything changed and two silos with one version share one view.
/// </summary>
public sealed class SqlMembershipTable(SqlDialect dialect) : IMembershipTable
{
    private const string Columns = "address, generation, host_name, status, started_ms, heartbeat_ms, suspicions, etag";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE nija_membership_version (service_id TEXT NOT NULL PRIMARY KEY, version BIGINT NOT NULL);
        CREATE TABLE nija_membership (
            service_id TEXT NOT NULL, address TEXT NOT NULL, generation BIGINT NOT NULL, host_name TEXT NOT NULL,
            status INTEGER NOT NULL, started_ms BIGINT NOT NULL, heartbeat_ms BIGINT NOT NULL,
            suspicions TEXT NOT NULL, etag BIGINT NOT NULL,
            PRIMARY KEY (service_id, address, generation));
        """,
        "ALTER TABLE nija_membership ADD COLUMN activations INTEGER NOT NULL DEFAULT 0",
    ];

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        SqlSchemaMigrator.MigrateAsync(dialect, "membership", Migrations, cancellationToken);

    /// <inheritdoc />
    public async Task<MembershipSnapshot> ReadAllAsync(string serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "SELECT COALESCE((SELECT version FROM nija_membership_version WHERE service_id = @s), 0); " +
            $"SELECT {Columns}, activations FROM nija_membership WHERE service_id = @s";
        cmd.Parameters.Add(cmd, "s", serviceId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var version = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var entries = new List<MembershipEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return new MembershipSnapshot(version, entries);
    }

    /// <inheritdoc />
    public async Task<bool> InsertAsync(string serviceId, MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await InTransaction(serviceId, entry, cancellationToken, (cmd) =>
        {
            cmd.CommandText =
                $"INSERT INTO nija_membership (service_id, {Columns}) VALUES (@s, @a, @g, @h, @st, @sm, @hb, @su, 1) " +
                "ON CONFLICT (service_id, address, generation) DO NOTHING";
            cmd.Parameters.Add(cmd, "h", entry.HostName);
            cmd.Parameters.Add(cmd, "sm", entry.StartedAt.ToUnixTimeMilliseconds());
            cmd.Parameters.Add(cmd, "hb", entry.HeartbeatAt.ToUnixTimeMilliseconds());
        });
    }

    /// <inheritdoc />
    public async Task<bool> TryUpdateAsync(string serviceId, MembershipEntry entry, long expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await InTransaction(serviceId, entry, cancellationToken, cmd =>
        {
            cmd.CommandText =
                "UPDATE nija_membership SET status = @st, suspicions = @su, etag = etag + 1 " +
                "WHERE service_id = @s AND address = @a AND generation = @g AND etag = @e";
            cmd.Parameters.Add(cmd, "e", expectedEtag);
        });
    }

    /// <inheritdoc />
    public async Task HeartbeatAsync(string serviceId, SiloAddress silo, DateTimeOffset at, int activations, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE nija_membership SET heartbeat_ms = @hb, activations = @n WHERE service_id = @s AND address = @a AND generation = @g";
        cmd.Parameters.Add(cmd, "s", serviceId);
        cmd.Parameters.Add(cmd, "a", silo.Endpoint);
        cmd.Parameters.Add(cmd, "g", silo.Generation);
        cmd.Parameters.Add(cmd, "hb", at.ToUnixTimeMilliseconds());
        cmd.Parameters.Add(cmd, "n", activations);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    // One row changes and the version advances, or neither happens.
    private async Task<bool> InTransaction(string serviceId, MembershipEntry entry, CancellationToken cancellationToken, Action<DbCommand> prepare)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.Parameters.Add(cmd, "s", serviceId);
        cmd.Parameters.Add(cmd, "a", entry.Silo.Endpoint);
        cmd.Parameters.Add(cmd, "g", entry.Silo.Generation);
        cmd.Parameters.Add(cmd, "st", (int)entry.Status);
        cmd.Parameters.Add(cmd, "su", FormatSuspicions(entry.Suspicions));
        prepare(cmd);
        if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await using var bump = connection.CreateCommand();
        bump.Transaction = tx;
        bump.CommandText =
            "INSERT INTO nija_membership_version (service_id, version) VALUES (@s, 1) " +
            "ON CONFLICT (service_id) DO UPDATE SET version = nija_membership_version.version + 1";
        bump.Parameters.Add(bump, "s", serviceId);
        await bump.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private static MembershipEntry ReadEntry(DbDataReader r)
    {
        return new MembershipEntry(
            SiloAddress.FromEndpoint(r.GetString(0), r.GetInt64(1)),
            r.GetString(2),
            (SiloStatus)r.GetInt32(3),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
            ParseSuspicions(r.GetString(6)),
            r.GetInt64(7))
        {
            Activations = r.GetInt32(8),
        };
    }

    private static string FormatSuspicions(IReadOnlyList<Suspicion> votes) =>
        string.Join(';', votes.Select(v => $"{v.By}|{v.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}"));

    private static List<Suspicion> ParseSuspicions(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v =>
        {
            var bar = v.LastIndexOf('|');
            return new Suspicion(SiloAddress.Parse(v[..bar]), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(v[(bar + 1)..], CultureInfo.InvariantCulture)));
        })];
}
