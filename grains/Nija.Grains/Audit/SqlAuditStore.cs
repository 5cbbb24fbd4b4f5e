using Nija.GrainInterfaces.Audit;
using Nija.Grains.History;
using Nija.Runtime.Sql;
using static Nija.Grains.History.SqlQueries;

namespace Nija.Grains.Audit;

/// <summary>The audit log in PostgreSQL or SQLite, with group commit so that audited requests do not queue on the disk one by one.</summary>
public sealed class SqlAuditStore : IAuditStore
{
    private readonly SqlDialect _dialect;

    public SqlAuditStore(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
    }

    public static IReadOnlyList<string> Migrations(SqlDialect d) =>
    [
        $"""
        CREATE TABLE nija_audit (id {d.IdentityColumn}, at_ms BIGINT NOT NULL, actor TEXT NULL, action TEXT NOT NULL, target TEXT NULL,
            detail TEXT NOT NULL, ip TEXT NULL, correlation_id TEXT NULL);
        CREATE INDEX ix_nija_audit_at ON nija_audit (at_ms);
        CREATE INDEX ix_nija_audit_actor ON nija_audit (actor, at_ms);
        CREATE INDEX ix_nija_audit_target ON nija_audit (target, at_ms);
        """,
        // A row whose target is its actor (a user's own order, say) is found through the actor index, so
        // the target index leaves it out: every audited order wrote one random index page fewer.
        """
        DROP INDEX ix_nija_audit_target;
        CREATE INDEX ix_nija_audit_target ON nija_audit (target, at_ms) WHERE target IS DISTINCT FROM actor;
        """,
    ];

    /// <summary>
    /// The query for <paramref name="query"/>: the user filter only when there is one, since a
    /// "@u IS NULL OR" guard keeps SQLite's planner from the actor and target indexes (it walked
    /// the whole time index instead); its target half repeats the partial index's condition so
    /// that the index can answer it.
    /// </summary>
    public static string QueryText(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return "SELECT at_ms, actor, action, target, detail, ip, correlation_id FROM nija_audit WHERE " +
            (query.UserId is null ? "" : "(actor = @u OR (target = @u AND target IS DISTINCT FROM actor)) AND ") +
            (query.Action is null ? "" : "action = @a AND ") +
            "at_ms >= @f AND at_ms <= @t ORDER BY at_ms DESC, id DESC LIMIT @take OFFSET @skip";
    }

    private const string InsertRecord =
        "INSERT INTO nija_audit (at_ms, actor, action, target, detail, ip, correlation_id) VALUES (@at, @actor, @action, @target, @detail, @ip, @cid)";

    public Task MigrateAsync(CancellationToken cancellationToken) => SqlSchemaMigrator.MigrateAsync(_dialect, "audit", Migrations(_dialect), cancellationToken);

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new PendingStatements([(InsertRecord,
        [
            ("at", record.At.ToUnixTimeMilliseconds()), ("actor", record.ActorUserId), ("action", record.Action), ("target", record.TargetUserId),
            ("detail", record.Detail), ("ip", record.IpAddress), ("cid", record.CorrelationId),
        ])]);
        _dialect.Writes.Enqueue(pending);
        return pending.Done.Task;
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Nija.Grains.History.SqlQueries.QueryAsync(_dialect, QueryText(query),
            c =>
            {
                Bind(c, ("f", (query.From ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds()), ("t", (query.To ?? DateTimeOffset.MaxValue).ToUnixTimeMilliseconds()),
                    ("take", query.Take), ("skip", query.Skip));
                if (query.UserId is not null)
                {
                    Bind(c, ("u", query.UserId));
                }

                if (query.Action is not null)
                {
                    Bind(c, ("a", query.Action));
                }
            },
            r => new AuditRecord(Ms(r, 0), NullableString(r, 1), r.GetString(2), NullableString(r, 3), r.GetString(4), NullableString(r, 5), NullableString(r, 6)),
            cancellationToken);
    }
}
