using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Tests.Fakes;

/// <summary>An in-memory log with stored checkpoints, and the edits retention (or an attacker) makes to its rows.</summary>
internal sealed class MemoryCheckpointStore(MemoryAuditStore inner) : IAuditCheckpointStore
{
    public MemoryAuditStore Log => inner;

    public List<Checkpoint> Checkpoints { get; } = [];

    /// <summary>Reduces the entry at <paramref name="sequence"/> to a tombstone, as record retention does.</summary>
    public void Tombstone(long sequence) => Edit(sequence, e => e with
    {
        Kind = RetentionEntryKinds.Tombstone,
        ExchangeId = "",
        Index = AuditIndex.Empty,
        Payload = [],
        Body = null,
        BodyHash = null,
    });

    public void Edit(long sequence, Func<AuditEntry, AuditEntry> change)
    {
        var index = (int)sequence - 1;
        inner.Entries[index] = change(inner.Entries[index]);
    }

    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        if (Checkpoints.Any(c => c.TreeSize == checkpoint.TreeSize))
        {
            return Task.FromResult(false);
        }

        Checkpoints.Add(checkpoint);
        return Task.FromResult(true);
    }

    /// <summary>The fence in force (a lease name and token); a checkpoint under any other is refused, as a store does.</summary>
    public CheckpointFence? Fence { get; set; }

    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CheckpointFence fence, CancellationToken cancellationToken)
    {
        return fence != Fence ? Task.FromResult(false) : AppendCheckpointAsync(checkpoint, cancellationToken);
    }

    public Task<Checkpoint?> ReadLastCheckpointAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Checkpoints.Count == 0 ? null : Checkpoints[^1]);

    public Task<IReadOnlyList<Checkpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Checkpoint>>([.. Checkpoints]);

    public async IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(
        long afterSequence, long throughSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entry in inner.Entries.Where(e => e.Sequence > afterSequence && e.Sequence <= throughSequence))
        {
            yield return new EntryHash(entry.Sequence, entry.Hash);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken) =>
        inner.AppendAsync(drafts, cancellationToken);

    public IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken) => inner.GetHeadAsync(cancellationToken);

    public Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken) =>
        inner.GetExchangeAsync(exchangeId, cancellationToken);

    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken) => inner.ProbeWritableAsync(cancellationToken);

    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RecoverInterruptedAsync(now, cancellationToken);
}
