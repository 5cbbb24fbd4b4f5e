namespace Nija.Runtime.Sql;

/// <summary>
/// A write that goes through a database's <see cref="SqlWriteQueue"/>: it adds its statements to the
/// batch's transaction, and learns what they did only after that transaction committed.
/// </summary>
public interface ISqlWrite : IBatchItem
{
    /// <summary>Adds this write's statements to <paramref name="batch"/> (called before the batch runs; may be called again if the batch is retried).</summary>
    void Stage(SqlStatementBatch batch);

    /// <summary>Called once the transaction holding the statements committed; reads their row counts from <paramref name="batch"/>.</summary>
    void Committed(SqlStatementBatch batch);
}
