using Nija.Runtime.Sql;

namespace Nija.Grains.History;

/// <summary>A few statements for the database's shared write transaction, done when it commits.</summary>
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
