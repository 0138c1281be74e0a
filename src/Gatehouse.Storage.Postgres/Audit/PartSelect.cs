using System.Data.Common;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>PostgreSQL's <see cref="PartQuery"/>: the sequences as one <c>bigint[]</c> parameter.</summary>
internal static class PartSelect
{
    private const string Select = """
        SELECT r.seq, p.hash, p.body FROM audit_entry_parts r LEFT JOIN audit_parts p ON p.id = r.part_id
        WHERE r.seq = ANY(@seqs) ORDER BY r.seq, r.ord
        """;

    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, IReadOnlyList<long> sequences)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Select;
        command.Add("@seqs", sequences.ToArray());
        return command;
    }
}
