using System.Data.Common;

namespace Nija.Runtime.Sql;

/// <summary>
/// What differs between the SQL engines the runtime stores in: connections, the schema scripts and
/// how to serialise migrations. The statements themselves are shared (both engines speak
/// INSERT ... ON CONFLICT), so the storage and reminder logic exists once.
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    private readonly Lock _writesGate = new();
    private SqlWriteQueue? _writes;

    /// <summary>
    /// The database's one write queue, shared by every store on this dialect (started on first use,
    /// drained by <see cref="DisposeAsync"/>; writes queued after that fail).
    /// </summary>
    public SqlWriteQueue Writes => _writes ?? StartWrites();

    /// <summary>Opens a connection, ready for use.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Schema migrations in order; migration i brings the schema to version i + 1.</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>A statement run inside the migration transaction to keep concurrent migrators apart, or null.</summary>
    public virtual string? MigrationLockStatement => null;

    /// <summary>The column definition of an auto-numbered primary key.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>The column type that stores a decimal exactly.</summary>
    public abstract string DecimalType { get; }

    /// <summary>
    /// Whether concurrent state reads are combined into one query (worth a round trip to a server;
    /// not for an in-process engine whose readers already run in parallel).
    /// </summary>
    public virtual bool BatchReads => false;

    /// <summary>
    /// States whose payload is longer than this many bytes are stored compressed (when that saves
    /// space); null stores every payload as it is (an engine that compresses large values itself).
    /// </summary>
    public virtual int? CompressStatesAbove => null;

    /// <summary>How many writes may go to the engine at once (1 for SQLite's single writer).</summary>
    public virtual int WriteConcurrency => 1;

    /// <summary>The most writes of <see cref="Writes"/> committed in one transaction.</summary>
    public virtual int MaxWriteBatch => 256;

    /// <summary>Commits the queued writes and stops the write queue.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        await Writes.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private SqlWriteQueue StartWrites()
    {
        lock (_writesGate)
        {
            if (_writes is null)
            {
                _writes = new SqlWriteQueue(this, MaxWriteBatch);
                OnWritesStarted(_writes);
            }

            return _writes;
        }
    }

    /// <summary>Called once, when the first write starts <see cref="Writes"/> (an engine that maintains its files under writes starts that here).</summary>
    protected virtual void OnWritesStarted(SqlWriteQueue writes)
    {
    }
}
