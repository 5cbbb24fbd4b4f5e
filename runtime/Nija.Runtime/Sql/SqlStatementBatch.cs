using System.Data.Common;

namespace Nija.Runtime.Sql;

/// <summary>
/// The statements of one commit, from any number of <see cref="ISqlWrite"/>s: run as one
/// <see cref="DbBatch"/> (one round trip) where the provider supports it, else one prepared command
/// per distinct statement text, all in one transaction.
/// </summary>
public sealed class SqlStatementBatch
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _statements = [];
    private int[] _affected = [];

    /// <summary>How many statements are staged.</summary>
    public int Count => _statements.Count;

    /// <summary>Stages a statement with named parameters (a null value is sent as SQL NULL); returns its index.</summary>
    public int Add(string sql, params (string Name, object? Value)[] parameters)
    {
        _statements.Add((sql, parameters));
        return _statements.Count - 1;
    }

    /// <summary>The rows the statement at <paramref name="index"/> changed (valid after the commit).</summary>
    public int RowsAffected(int index) => _affected[index];

    // A name given with its "@" lets an engine bind it without trying each prefix in turn.
    internal static DbParameter Bind(DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name.StartsWith('@') ? name : "@" + name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    internal static bool SameName(string bound, string name) =>
        name.StartsWith('@') ? bound == name : bound.Length == name.Length + 1 && bound.AsSpan(1).SequenceEqual(name);

    internal void Clear()
    {
        _statements.Clear();
        _affected = [];
    }

    internal async Task ExecuteAsync(SqlWriteSession session)
    {
        _affected = new int[_statements.Count];
        var connection = session.Connection;
        await using var tx = await connection.BeginTransactionAsync();
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = tx;
            foreach (var (sql, parameters) in _statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.Add(Bind(command.CreateParameter(), name, value));
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
            for (var i = 0; i < _affected.Length; i++)
            {
                _affected[i] = batch.BatchCommands[i].RecordsAffected;
            }
        }
        else
        {
            for (var i = 0; i < _statements.Count; i++)
            {
                _affected[i] = await session.ExecuteAsync(tx, _statements[i].Sql, _statements[i].Parameters);
            }
        }

        await tx.CommitAsync();
    }
}
