using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Retention;

/// <summary>An audit store that can remove bodies and reduce records to tombstones, honouring legal holds.</summary>
/// <remarks>
/// Every removal re-checks the holds inside its own short write transaction, so a hold placed after the candidates
/// were read still wins. A full-text index over bodies must be purged in that same transaction.
/// </remarks>
public interface IAuditRetentionStore : IAuditCheckpointStore, ILegalHoldStore
{
    /// <summary>Reads the next window of candidates (no write).</summary>
    Task<RetentionCandidates> FindCandidatesAsync(RetentionWindow window, CancellationToken cancellationToken);

    /// <summary>Removes the bodies of the unheld exchanges among <paramref name="exchangeIds"/>; returns how many.</summary>
    Task<long> RemoveBodiesAsync(IReadOnlyList<string> exchangeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Reduces every entry of the unheld exchanges among <paramref name="exchangeIds"/> to a tombstone, skipping any
    /// exchange with an entry after <paramref name="coveredThrough"/> (no checkpoint vouches for it yet); returns how many entries.
    /// </summary>
    Task<long> TombstoneAsync(IReadOnlyList<string> exchangeIds, long coveredThrough, CancellationToken cancellationToken);
}
