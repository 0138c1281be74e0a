using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Waits until every WAL record written so far, and so every transaction committed so far, is on disk.</summary>
/// <remarks>
/// A transactional WAL message gives a tiny transaction an xid and a WAL record, so its commit, synchronous (the
/// session's default), flushes the WAL past its own commit record. WAL is one ordered stream: every earlier record,
/// including the commit of any transaction that committed before this statement began (asynchronously or not), is then
/// durable. It needs no table and no privilege beyond connecting; a logical decoding consumer would see an empty
/// message with the prefix <c>gatehouse.audit</c>.
/// </remarks>
internal static class WalFlush
{
    private const string Sql = "SELECT pg_logical_emit_message(true, 'gatehouse.audit', '')";

    public static async Task FlushAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var flush = new NpgsqlCommand(Sql, connection);
        await flush.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the flush as the last command of a batch whose explicit transaction has committed before it: it runs as
    /// its own (implicit) transaction, committed synchronously at the batch's end.
    /// </summary>
    public static NpgsqlBatchCommand Create() => new(Sql);
}
