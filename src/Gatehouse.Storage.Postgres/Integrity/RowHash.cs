using Gatehouse.Storage.Relational.Integrity;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Integrity;

/// <summary>The SHA-256 of one stored row, by the rule both providers share (<see cref="RowHashing"/>).</summary>
internal static class RowHash
{
    /// <summary>Computes the hash of the row <paramref name="id"/> of <paramref name="table"/>; null when there is no such row.</summary>
    public static async Task<byte[]?> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, string id, CancellationToken cancellationToken)
    {
        using var hash = RowHashing.Start(table);
        using var command = new NpgsqlCommand($"SELECT * FROM {RowSeals.Checked(table)} WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var any = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            any = true;
            RowHashing.AppendRow(hash, reader);
        }

        return any ? hash.GetHashAndReset() : null;
    }
}
