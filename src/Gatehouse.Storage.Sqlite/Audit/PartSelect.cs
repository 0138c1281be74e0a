using System.Data.Common;
using System.Globalization;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>SQLite's <see cref="PartQuery"/>: one range query when the sequences are dense, else a JSON array of them.</summary>
internal static class PartSelect
{
    private const string Select = """
        SELECT r.seq, p.hash, p.body FROM audit_entry_parts r LEFT JOIN audit_parts p ON p.id = r.part_id
        """;

    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, IReadOnlyList<long> sequences)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var (first, last) = (sequences.Min(), sequences.Max());
        if (last - first < 2L * sequences.Count)
        {
            command.CommandText = Select + " WHERE r.seq BETWEEN @first AND @last ORDER BY r.seq, r.ord";
            command.Add("@first", first);
            command.Add("@last", last);
        }
        else
        {
            command.CommandText = Select + " WHERE r.seq IN (SELECT value FROM json_each(@seqs)) ORDER BY r.seq, r.ord";
            command.Add("@seqs", "[" + string.Join(',', sequences.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]");
        }

        return command;
    }
}
