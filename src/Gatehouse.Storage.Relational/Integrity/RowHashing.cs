using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Storage.Relational.Integrity;

/// <summary>The rule by which a stored row outside the log is hashed for its seal, the same on every provider.</summary>
/// <remarks>
/// SHA-256 over a domain tag and the table name, then each row: every non-null column by name, type and value, in the
/// table's column order. Integers of any width go in as 64-bit ("i"), reals as doubles ("r"), blobs as bytes ("b"),
/// anything else as invariant text ("t"). A NULL column is left out, so a column a later schema adds (NULL in old rows)
/// does not change the hash of a row written before it. The provider runs the queries (SQLite synchronously, since its
/// schema upgrade is synchronous; PostgreSQL asynchronously) and hands each row to <see cref="AppendRow"/>.
/// </remarks>
internal static class RowHashing
{
    private static readonly byte[] Domain = "gatehouse.row.v1\0"u8.ToArray();

    /// <summary>Starts the hash of a row of <paramref name="table"/>.</summary>
    public static IncrementalHash Start(string table)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Text(hash, table);
        return hash;
    }

    /// <summary>Starts a section of related rows (an approval's reviews) named <paramref name="name"/>.</summary>
    public static void Section(IncrementalHash hash, string name) => Text(hash, name);

    /// <summary>Appends the reader's current row.</summary>
    public static void AppendRow(IncrementalHash hash, DbDataReader reader)
    {
        Span<byte> number = stackalloc byte[8];
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
                    BinaryPrimitives.WriteInt64LittleEndian(number, Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
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
                    Text(hash, Convert.ToString(other, CultureInfo.InvariantCulture) ?? "");
                    break;
            }
        }
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
