using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Reads and binds the columns of <c>audit_entries</c>.</summary>
internal static class EntryRows
{
    public const string InsertSql = $"""
        INSERT INTO audit_entries ({EntryReader.Columns})
        VALUES (@seq, @kind, @exchange_id, @time_ticks, @subject, @email, @connection, @model, @status, @decision,
                @payload, @body, @body_hash, @prev_hash, @hash)
        """;

    /// <summary>Gets the parameter names of <see cref="InsertSql"/>, in <see cref="Bind"/>'s order.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = [.. EntryReader.Columns.Split(", ").Select(name => "@" + name)];

    public static SqliteCommand CreateInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = AppendStatements.Create(connection, InsertSql, ParameterNames);
        command.Transaction = transaction;
        return command;
    }

    public static void Bind(SqliteCommand insert, AuditEntry entry) => EntryBinding.Bind(insert.Parameters, entry);
}
