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

    /// <summary>Signs and stores a checkpoint of every entry up to the current head; writes its file when configured.</summary>
    /// <exception cref="InvalidOperationException">A sequence is missing from the log, so no honest root exists.</exception>
    public Task<Checkpoint> WriteAsync(CancellationToken cancellationToken) => WriteAsync(null, cancellationToken);

    /// <summary>
    /// The same, stored only while <paramref name="fence"/> (when given) is still its lease's holding: the replica that
    /// signs under a lease cannot store a checkpoint after another replica took the lease over.
    /// </summary>
    /// <exception cref="CheckpointFencedException">The lease passed to another holding; nothing was stored or written.</exception>
    /// <exception cref="InvalidOperationException">A sequence is missing from the log, so no honest root exists.</exception>
    public async Task<Checkpoint> WriteAsync(CheckpointFence? fence, CancellationToken cancellationToken)
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

            var checkpoint = _signer.Sign(_root.Size, _root.ComputeRoot(), _time.GetUtcNow());
            if (fence is null)
            {
                await _store.AppendCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            }
            else if (!await _store.AppendCheckpointAsync(checkpoint, fence, cancellationToken).ConfigureAwait(false))
            {
                throw new CheckpointFencedException(fence);
            }

            if (_options.Directory is { } directory)
            {
                await CheckpointFiles.WriteAsync(directory, checkpoint, cancellationToken).ConfigureAwait(false);
            }

            _last = checkpoint;
            return checkpoint;
        }
        finally
        {
            _gate.Release();
        }
    }
}
