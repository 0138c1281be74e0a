using System.Security.Cryptography;
using Gatehouse.Storage.Relational.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Integrity;

/// <summary>The SHA-256 of one stored row of <c>api_keys</c>, <c>agent_tokens</c>, <c>approvals</c> or <c>grants</c> (the last two with their reviews).</summary>
/// <remarks>
/// The rule is <see cref="RowHashing"/>; an approval's or grant's reviews are part of its row. Reads complete
/// synchronously in Microsoft.Data.Sqlite, so the one routine serves both the schema upgrade (synchronous) and the
/// write transactions (asynchronous).
/// </remarks>
internal static class RowHash
{
    /// <summary>Computes the hash of the row <paramref name="id"/> of <paramref name="table"/>; null when there is no such row.</summary>
    public static byte[]? Compute(SqliteConnection connection, SqliteTransaction? transaction, string table, string id)
    {
        using var hash = RowHashing.Start(table);
        if (!AppendRows(hash, connection, transaction, $"SELECT * FROM {RowSeals.Checked(table)} WHERE id = @id", id))
        {
            return null;
        }

        if (table is not (RowSeals.ApiKeys or RowSeals.AgentTokens))
        {
            RowHashing.Section(hash, "reviews");
            AppendRows(hash, connection, transaction, "SELECT * FROM reviews WHERE request_id = @id ORDER BY reviewer", id);
        }

        return hash.GetHashAndReset();
    }

    private static bool AppendRows(IncrementalHash hash, SqliteConnection connection, SqliteTransaction? transaction, string sql, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var any = false;
        while (reader.Read())
        {
            any = true;
            RowHashing.AppendRow(hash, reader);
        }

        return any;
    }
}
