using System.Data.Common;

namespace Nija.Runtime.Sql;

/// <summary>
/// A writer's open connection and its prepared commands, kept across batches: an engine such as
/// SQLite then parses each distinct statement once, not once per row.
/// </summary>
internal sealed class SqlWriteSession(DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    public async Task<int> ExecuteAsync(DbTransaction tx, string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = tx;
        var reuse = command.Parameters.Count == parameters.Length;
        for (var i = 0; reuse && i < parameters.Length; i++)
        {
            reuse = SqlStatementBatch.SameName(command.Parameters[i].ParameterName, parameters[i].Name);
        }

        // The same statement binds the same names each time: only the values change, so the
        // parameter objects stay (allocating them per row was a large part of the writer's garbage).
        if (reuse)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }
        }
        else
        {
            command.Parameters.Clear();
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(SqlStatementBatch.Bind(command.CreateParameter(), name, value));
            }
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
