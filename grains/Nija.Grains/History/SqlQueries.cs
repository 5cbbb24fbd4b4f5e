using System.Data.Common;
using System.Globalization;
using Nija.Runtime.Sql;

namespace Nija.Grains.History;

/// <summary>The few ADO.NET steps the history and audit stores share: a query read into a list, named parameters, column readers.</summary>
internal static class SqlQueries
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(SqlDialect dialect, string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        bind(cmd);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return items;
    }

    public static void Bind(DbCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            if (value is null)
            {
                p.DbType = System.Data.DbType.String;
            }

            cmd.Parameters.Add(p);
        }
    }

    public static decimal Dec(DbDataReader r, int i) => Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);

    public static DateTimeOffset Ms(DbDataReader r, int i) => DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
