using System.Data.Common;
using Nija.Runtime.Sql;
using Npgsql;

namespace Nija.Runtime.PostgreSql;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Several batches commit at once on
/// separate connections; each batch is one round trip (an NpgsqlBatch) and one commit.
/// </summary>
public sealed class PostgreSqlDialect(NpgsqlDataSource dataSource, int writeConcurrency, int maxWriteBatch = 256) : SqlDialect
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE nija_grain_state (
            service_id TEXT NOT NULL, grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL,
            payload BYTEA NULL, version BIGINT NOT NULL, modified_at BIGINT NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, state_name));
        CREATE TABLE nija_reminders (
            service_id TEXT NOT NULL, grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, name TEXT NOT NULL,
            grain_hash BIGINT NOT NULL, start_at_ms BIGINT NOT NULL, period_ms BIGINT NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, name));
        CREATE INDEX ix_nija_reminders_hash ON nija_reminders (service_id, grain_hash);
        """,
        // The runtime's schema is the same on every engine; PostgreSQL leaves compression to TOAST, so its rows stay raw.
        "ALTER TABLE nija_grain_state ADD COLUMN payload_codec SMALLINT NOT NULL DEFAULT 0;",
    ];

    /// <inheritdoc />
    public override string? MigrationLockStatement => "SELECT pg_advisory_xact_lock(7243155)";

    /// <inheritdoc />
    public override int WriteConcurrency => writeConcurrency;

    /// <inheritdoc />
    public override int MaxWriteBatch => maxWriteBatch;

    /// <inheritdoc />
    public override bool BatchReads => true;

    /// <inheritdoc />
    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    /// <inheritdoc />
    public override string DecimalType => "NUMERIC(38, 18)";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
