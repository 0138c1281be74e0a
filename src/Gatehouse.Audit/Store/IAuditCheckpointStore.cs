using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Store;

/// <summary>An audit store that also keeps signed checkpoints of the log's Merkle tree.</summary>
public interface IAuditCheckpointStore : IAuditStore
{
    /// <summary>Appends a signed checkpoint; durable on return.</summary>
    Task AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Returns every stored checkpoint, oldest first.</summary>
    Task<IReadOnlyList<Checkpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams the stored sequence and hash (no other column) of the entries after <paramref name="afterSequence"/> up
    /// to and including <paramref name="throughSequence"/>, in sequence order.
    /// </summary>
    IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(long afterSequence, long throughSequence, CancellationToken cancellationToken);
}
