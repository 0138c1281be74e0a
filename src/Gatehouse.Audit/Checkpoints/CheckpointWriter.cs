using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Computes the Merkle root of the log as it stands, signs it, and stores the checkpoint.</summary>
/// <remarks>
/// The root is kept incrementally: each call reads only the entry hashes appended since the previous one (the builder
/// holds O(log n) subtree roots), so a checkpoint every minute costs the new entries, not the whole log. It trusts the
/// stored hashes; <see cref="CheckpointAudit"/> recomputes them from the entries.
/// </remarks>
public sealed class CheckpointWriter(
    IAuditCheckpointStore store, CheckpointSigner signer, TimeProvider timeProvider, CheckpointWriterOptions options)
{
    private readonly IAuditCheckpointStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly CheckpointSigner _signer = signer ?? throw new ArgumentNullException(nameof(signer));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private readonly CheckpointWriterOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly MerkleRootBuilder _root = new();
    private Checkpoint? _last;

    /// <summary>Gets the last checkpoint this writer wrote, or null.</summary>
    public Checkpoint? Last => _last;

    /// <summary>Returns whether a checkpoint is due: new entries since the last one, and the interval passed or enough of them.</summary>
    public bool IsDue(long headSequence)
    {
        var last = _last;
        if (last is null)
        {
            return headSequence > 0;
        }

        var added = headSequence - last.TreeSize;
        return added > 0 && (added >= _options.EveryEntries || _time.GetUtcNow() - last.Time >= _options.Interval);
    }

    /// <summary>
    /// Returns a checkpoint of every entry up to the current head: the one stored already when the head is checkpointed
    /// (by this process or another), else a new one signed and stored now; its file is written when configured.
    /// </summary>
    /// <exception cref="InvalidOperationException">A sequence is missing from the log, so no honest root exists.</exception>
    public Task<Checkpoint> WriteAsync(CancellationToken cancellationToken) => WriteAsync(null, cancellationToken);

    /// <summary>
    /// The same, a new checkpoint stored only while <paramref name="fence"/> (when given) is still its lease's holding:
    /// the replica that signs under a lease cannot store a checkpoint after another replica took the lease over.
    /// </summary>
    /// <exception cref="CheckpointFencedException">The lease passed to another holding, or another signer stored this tree size first; nothing was stored or written.</exception>
    /// <exception cref="InvalidOperationException">A sequence is missing from the log, so no honest root exists.</exception>
    public async Task<Checkpoint> WriteAsync(CheckpointFence? fence, CancellationToken cancellationToken) =>
        (await SignAsync(fence, writeAdopted: true, cancellationToken).ConfigureAwait(false)).Checkpoint;

    /// <summary>
    /// Signs and stores a checkpoint of the current head unless that tree size is checkpointed already; returns it, or
    /// null when it was (then <see cref="Last"/> is the stored one). A signer that takes over never signs a tree size twice.
    /// </summary>
    /// <exception cref="CheckpointFencedException">The lease passed to another holding, or another signer stored this tree size first; nothing was stored or written.</exception>
    /// <exception cref="InvalidOperationException">A sequence is missing from the log, so no honest root exists.</exception>
    public async Task<Checkpoint?> WriteIfNewAsync(CheckpointFence? fence, CancellationToken cancellationToken)
    {
        var (checkpoint, signed) = await SignAsync(fence, writeAdopted: false, cancellationToken).ConfigureAwait(false);
        return signed ? checkpoint : null;
    }

    /// <remarks>
    /// Reads the last stored checkpoint first, every time: another replica may have signed while this one did not hold
    /// the lease. The store refuses a tree size it holds already (atomically), so a race lost between that read and the
    /// insert stores nothing either; this writer then adopts the stored checkpoint (unfenced) or reports it (fenced).
    /// <paramref name="writeAdopted"/> writes an adopted checkpoint's file too (one asked for by hand wants its note).
    /// </remarks>
    private async Task<(Checkpoint Checkpoint, bool Signed)> SignAsync(
        CheckpointFence? fence, bool writeAdopted, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = await _store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
            var through = head?.Sequence ?? 0;
            await foreach (var entry in _store.ReadEntryHashesAsync(_root.Size, through, cancellationToken).ConfigureAwait(false))
            {
                if (entry.Sequence != _root.Size + 1)
                {
                    throw new InvalidOperationException($"The audit log has no entry {_root.Size + 1}; run 'gatehouse audit verify'.");
                }

                _root.AppendEntry(entry.Hash);
            }

            if (_root.Size != through)
            {
                throw new InvalidOperationException($"The audit log ends at {_root.Size} but its head is at {through}.");
            }

            if (await _store.ReadLastCheckpointAsync(cancellationToken).ConfigureAwait(false) is { } stored && stored.TreeSize >= through)
            {
                _last = stored;
                await WriteFileAsync(writeAdopted ? stored : null, cancellationToken).ConfigureAwait(false);
                return (stored, false);
            }

            var checkpoint = _signer.Sign(_root.Size, _root.ComputeRoot(), _time.GetUtcNow());
            var kept = fence is null
                ? await _store.AppendCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false)
                : await _store.AppendCheckpointAsync(checkpoint, fence, cancellationToken).ConfigureAwait(false);
            if (!kept)
            {
                var winner = await _store.ReadLastCheckpointAsync(cancellationToken).ConfigureAwait(false);
                if (winner is null || winner.TreeSize < checkpoint.TreeSize)
                {
                    throw fence is null
                        ? new InvalidOperationException($"The store refused the checkpoint of tree size {checkpoint.TreeSize}.")
                        : new CheckpointFencedException(fence);
                }

                _last = winner;
                if (fence is not null)
                {
                    throw new CheckpointFencedException(
                        $"Another signer stored a checkpoint of tree size {checkpoint.TreeSize} first; this one was not stored.");
                }

                await WriteFileAsync(writeAdopted ? winner : null, cancellationToken).ConfigureAwait(false);
                return (winner, false);
            }

            await WriteFileAsync(checkpoint, cancellationToken).ConfigureAwait(false);

            _last = checkpoint;
            return (checkpoint, true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteFileAsync(Checkpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint is not null && _options.Directory is { } directory)
        {
            await CheckpointFiles.WriteAsync(directory, checkpoint, cancellationToken).ConfigureAwait(false);
        }
    }
}
