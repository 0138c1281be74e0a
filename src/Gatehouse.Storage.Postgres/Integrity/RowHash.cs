using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Integrity;

/// <summary>The SHA-256 of one stored row, by the embedded store's rule (docs/designs/postgres-store.md).</summary>
/// <remarks>
/// Every non-null column goes in by name, type and value, in the table's column order; integers of any width as
/// 64-bit ("i"), <c>bytea</c> as bytes ("b"), anything else as text ("t"), so the same row hashes the same on both
/// providers.
/// </remarks>
internal static class RowHash
{
    private static readonly byte[] Domain = "gatehouse.row.v1\0"u8.ToArray();

    /// <summary>Computes the hash of the row <paramref name="id"/> of <paramref name="table"/>; null when there is no such row.</summary>
    public static async Task<byte[]?> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, string id, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Text(hash, table);
        using var command = new NpgsqlCommand($"SELECT * FROM {RowSeals.Checked(table)} WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var any = false;
        var number = new byte[8];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            any = true;
            hash.AppendData("\u001erow"u8);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                Text(hash, reader.GetName(i));
                switch (reader.GetValue(i))
                {
                    case long or int or short:
                        hash.AppendData("i"u8);
                        BinaryPrimitives.WriteInt64LittleEndian(number, Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                        hash.AppendData(number);
                        break;
                    case byte[] blob:
                        hash.AppendData("b"u8);
                        Bytes(hash, blob);
                        break;
                    case var other:
                        hash.AppendData("t"u8);
                        Text(hash, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                        break;
                }
            }
        }

        return any ? hash.GetHashAndReset() : null;
    }

    private static void Text(IncrementalHash hash, string text) => Bytes(hash, Encoding.UTF8.GetBytes(text));

    private static void Bytes(IncrementalHash hash, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
