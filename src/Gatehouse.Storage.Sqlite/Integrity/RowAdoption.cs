using Gatehouse.Storage.Sqlite.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Integrity;

/// <summary>Seals the rows a database already holds when it is upgraded to sealed rows (schema step 7).</summary>
/// <remarks>
/// Runs inside the upgrade's transaction, so no row exists unsealed once the file is at version 7: a row inserted
/// later behind the gateway's back cannot pass for one written before the upgrade.
/// </remarks>
internal static class RowAdoption
{
    public static void SealExisting(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset at)
    {
        var drafts = new List<Gatehouse.Audit.Chain.AuditEntryDraft>();
        foreach (var table in RowSeals.AdoptedTables)
        {
            var ids = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"SELECT id FROM {RowSeals.Checked(table)} ORDER BY rowid";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    ids.Add(reader.GetString(0));
                }
            }

            drafts.AddRange(ids.Select(id => RowSeals.Seal(connection, transaction, RowSeals.RowSealed, table, id, at)));
        }

        if (drafts.Count > 0)
        {
            // The schema is applied synchronously on the opening thread; Microsoft.Data.Sqlite completes its "async"
            // calls synchronously, so this neither blocks a pool thread nor can deadlock.
            AuditAppender.AppendInAsync(connection, transaction, drafts, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
