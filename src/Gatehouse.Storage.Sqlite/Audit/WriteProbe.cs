using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Checks that the database takes a write: takes the write lock, inserts a row, and rolls back.</summary>
internal static class WriteProbe
{
    /// <summary>Returns whether the write went through; the caller holds the write lock.</summary>
    public static async Task<bool> ProbeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO write_probe (id) VALUES (1)";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (SqliteException)
        {
            // Read-only, full or locked: all mean "not ready", which is the answer the probe exists to give.
            return false;
        }
    }
}
