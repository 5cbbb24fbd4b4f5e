using System.Data.Common;

namespace Nija.Runtime.Sql;

internal static class DbCommandExtensions
{
    public static void Add(this DbParameterCollection parameters, DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        parameters.Add(p);
    }
}
