using System.Security.Cryptography;
using Gatehouse.Storage.Relational.Integrity;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Integrity;

/// <summary>The SHA-256 of one stored row (an approval's or grant's with its reviews), by the rule both providers share (<see cref="RowHashing"/>).</summary>
internal static class RowHash
{
    /// <summary>Computes the hash of the row <paramref name="id"/> of <paramref name="table"/>; null when there is no such row.</summary>
    public static async Task<byte[]?> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, string id, CancellationToken cancellationToken)
    {
        using var hash = RowHashing.Start(table);
        if (!await AppendRowsAsync(hash, connection, transaction, $"SELECT * FROM {RowSeals.Checked(table)} WHERE id = @id", id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (table is not (RowSeals.ApiKeys or RowSeals.AgentTokens))
        {
            // Byte order, whatever the database's collation, so a restored dump hashes as it did.
            RowHashing.Section(hash, "reviews");
            await AppendRowsAsync(hash, connection, transaction, "SELECT * FROM reviews WHERE request_id = @id ORDER BY reviewer COLLATE \"C\"", id, cancellationToken)
                .ConfigureAwait(false);
        }

        return hash.GetHashAndReset();
    }

    private static async Task<bool> AppendRowsAsync(
        IncrementalHash hash, NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string id, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var any = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            any = true;
            RowHashing.AppendRow(hash, reader);
        }

        return any;
    }
}
