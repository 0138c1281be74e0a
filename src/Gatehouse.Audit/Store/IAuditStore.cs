using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;

namespace Gatehouse.Audit.Store;

/// <summary>Persists the audit log: an append-only, hash-chained sequence of entries.</summary>
/// <remarks>
/// Every implementation (SQLite embedded, PostgreSQL later) must pass the same test suite. Failures to open or write
/// are reported as <see cref="Gatehouse.Storage.StoreUnavailableException"/> with a message that names no content.
/// </remarks>
public interface IAuditStore
{
    /// <summary>
    /// Appends <paramref name="drafts"/> in one transaction, assigning the next sequences and chain hashes and moving
    /// the head; returns the committed entries in order, only once they are durable.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken);

    /// <summary>Streams every entry in sequence order, bodies included, for verification or export.</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Returns up to <paramref name="max"/> entries with a sequence above <paramref name="afterSequence"/>, in sequence
    /// order, bodies included: the export's read of the next batch after its cursor.
    /// </summary>
    /// <remarks>The default walks <see cref="ReadAllAsync"/>; a store with an index on the sequence overrides it.</remarks>
    async Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var entries = new List<AuditEntry>();
        await foreach (var entry in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence <= afterSequence)
            {
                continue;
            }

            entries.Add(entry);
            if (entries.Count == max)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>Returns the stored head, or null for an empty log.</summary>
    Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken);

    /// <summary>Searches exchanges, newest first.</summary>
    Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken);

    /// <summary>Returns one exchange, or null when there is none with this id.</summary>
    Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken);

    /// <summary>Returns whether a write would succeed now, by attempting one and rolling it back.</summary>
    Task<bool> ProbeWritableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends an <see cref="AuditEntryKinds.Interrupted"/> entry for every intent that has no ending, in one
    /// transaction; run at start-up before the writer accepts appends. Returns how many were recovered.
    /// </summary>
    Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
