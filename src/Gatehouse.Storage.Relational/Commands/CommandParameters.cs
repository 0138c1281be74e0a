using System.Data.Common;

namespace Gatehouse.Storage.Relational.Commands;

/// <summary>Adds parameters to a provider's command through <see cref="DbCommand"/>; both providers accept <c>@name</c>.</summary>
internal static class CommandParameters
{
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
