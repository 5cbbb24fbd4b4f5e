using Nija.Runtime.Sql;

namespace Nija.Grains.History;

/// <summary>
/// Statements, prepared by the caller, for the database's shared write transaction (the history's and the
/// audit's appends); done when it commits. Staging only adds them, so the single writer does no more than run them.
/// </summary>
internal sealed class PendingStatements(IReadOnlyList<(string Sql, (string, object?)[] Parameters)> statements) : ISqlWrite
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Stage(SqlStatementBatch batch)
    {
        foreach (var (sql, parameters) in statements)
        {
            batch.Add(sql, parameters);
        }
    }

    public void Committed(SqlStatementBatch batch) => Done.TrySetResult();

    public void Fail(Exception error) => Done.TrySetException(error);
}
