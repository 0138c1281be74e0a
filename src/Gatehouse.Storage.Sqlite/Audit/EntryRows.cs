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

    public static void Bind(SqliteCommand insert, AuditEntry entry)
    {
        var values = insert.Parameters;
        values[0].Value = entry.Sequence;
        values[1].Value = entry.Kind;
        values[2].Value = entry.ExchangeId;
        values[3].Value = entry.Time.UtcTicks;
        values[4].Value = (object?)entry.Index.Subject ?? DBNull.Value;
        values[5].Value = (object?)entry.Index.Email ?? DBNull.Value;
        values[6].Value = (object?)entry.Index.Connection ?? DBNull.Value;
        values[7].Value = (object?)entry.Index.Model ?? DBNull.Value;
        values[8].Value = (object?)entry.Index.Status ?? DBNull.Value;
        values[9].Value = (object?)entry.Index.Decision ?? DBNull.Value;
        values[10].Value = entry.Payload;
        // A body stored as parts lives in audit_parts; the entry's own column stays empty.
        values[11].Value = entry.BodyParts is null ? (object?)entry.Body ?? DBNull.Value : DBNull.Value;
        values[12].Value = (object?)entry.BodyHash ?? DBNull.Value;
        values[13].Value = entry.PrevHash;
        values[14].Value = entry.Hash;
    }
}
