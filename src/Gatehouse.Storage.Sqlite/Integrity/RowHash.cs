using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Integrity;

/// <summary>The SHA-256 of one stored row of <c>api_keys</c>, <c>approvals</c> or <c>grants</c> (with its reviews).</summary>
/// <remarks>
/// Every non-null column goes in by name, type and value, in the table's column order; a NULL column is left out, so a
/// column a later schema adds (NULL in old rows) does not change the hash of a row written before it. An approval's or
/// grant's reviews are part of its row. Reads complete synchronously in Microsoft.Data.Sqlite, so the one routine
/// serves both the schema upgrade (synchronous) and the write transactions (asynchronous).
/// </remarks>
internal static class RowHash
{
    private static readonly byte[] Domain = "gatehouse.row.v1\0"u8.ToArray();

    /// <summary>Computes the hash of the row <paramref name="id"/> of <paramref name="table"/>; null when there is no such row.</summary>
    public static byte[]? Compute(SqliteConnection connection, SqliteTransaction? transaction, string table, string id)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Text(hash, table);
        if (!AppendRows(hash, connection, transaction, $"SELECT * FROM {RowSeals.Checked(table)} WHERE id = @id", id))
        {
            return null;
        }

        if (table != RowSeals.ApiKeys)
        {
            Text(hash, "reviews");
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
        Span<byte> number = stackalloc byte[8];
        while (reader.Read())
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
                    case long integer:
                        hash.AppendData("i"u8);
                        BinaryPrimitives.WriteInt64LittleEndian(number, integer);
                        hash.AppendData(number);
                        break;
                    case double real:
                        hash.AppendData("r"u8);
                        BinaryPrimitives.WriteDoubleLittleEndian(number, real);
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

        return any;
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
