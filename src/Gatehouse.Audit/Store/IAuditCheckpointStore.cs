using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Store;

/// <summary>An audit store that also keeps signed checkpoints of the log's Merkle tree.</summary>
public interface IAuditCheckpointStore : IAuditStore
{
    /// <summary>
    /// Appends a signed checkpoint unless one of its tree size is stored already; durable on return. Returns false,
    /// having stored nothing, when its tree size was checkpointed already (by this process or another): the check and
    /// the insert are one atomic step, so each tree size is signed into the store once.
    /// </summary>
    Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// The same, and only while <paramref name="fence"/> is still the lease's holding (same holder, same token), checked
    /// in the write's own transaction; durable on return. Returns false, having stored nothing, when the lease passed to
    /// another holding or the tree size was checkpointed already (<see cref="ReadLastCheckpointAsync"/> tells which).
    /// </summary>
    Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CheckpointFence fence, CancellationToken cancellationToken);

    /// <summary>Returns the checkpoint stored last (by any replica), or null when none is stored.</summary>
    Task<Checkpoint?> ReadLastCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Returns every stored checkpoint, oldest first.</summary>
    Task<IReadOnlyList<Checkpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams the stored sequence and hash (no other column) of the entries after <paramref name="afterSequence"/> up
    /// to and including <paramref name="throughSequence"/>, in sequence order.
    /// </summary>
    IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(long afterSequence, long throughSequence, CancellationToken cancellationToken);
}
