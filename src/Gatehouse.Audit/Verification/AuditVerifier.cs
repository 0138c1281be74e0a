using System.Security.Cryptography;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Verification;

/// <summary>Recomputes the whole hash chain from the store and reports the first entry that does not hold.</summary>
/// <remarks>
/// Each entry must carry the next sequence, a hash that matches its own fields, a previous hash equal to the entry
/// before it, and a body (when present) matching its body hash (for a body stored as parts: the manifest and every part); the last entry must match the stored head. A truncated
/// tail is caught only against that head; signed checkpoints will catch a rewritten head.
/// A tombstone (a record retention removed) keeps only its hash, which is accepted when a signed checkpoint at or
/// beyond it holds (<see cref="TombstoneCoverage"/>); that needs the checkpoint key.
/// </remarks>
public sealed class AuditVerifier(IAuditStore store, CheckpointVerifier? checkpointKey = null)
{
    private readonly IAuditStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Verifies every entry and the head.</summary>
    /// <remarks>
    /// The head is read before the entries and again after them. The log must reach the first (nothing was cut from
    /// the end), the entry at the first's sequence must carry its hash, and no entry may lie beyond the second (nothing
    /// was appended without moving the head). A head only moves forward, so entries a live gateway commits while the
    /// log is read never count as a mismatch.
    /// </remarks>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var head = await _store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var expected = 1L;
        var previous = AuditChain.GenesisHash.ToArray();
        long bodiesChecked = 0;
        long bodiesRemoved = 0;
        long tombstones = 0;
        var headHashMatched = head is null;
        var coverage = await StartCoverageAsync(cancellationToken).ConfigureAwait(false);

        await foreach (var chunk in EntryReadAhead.ReadAsync(_store, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in chunk)
            {
                var problem = Check(entry, expected, previous, coverage is not null);
                if (problem == AuditProblem.None && head is not null && entry.Sequence == head.Sequence)
                {
                    headHashMatched = head.Hash.AsSpan().SequenceEqual(entry.Hash);
                }

                if (problem != AuditProblem.None)
                {
                    // Every check passed up to the entry expected here, so the expected sequence is the first bad one,
                    // unless a tombstone before it already failed its checkpoint.
                    var (bad, what) = coverage?.FirstProblem(complete: false) ?? (expected, problem);
                    return new AuditVerification(expected - 1, bodiesChecked, bodiesRemoved, head, bad, what);
                }

                coverage?.Add(entry);

                if (entry.Body is not null)
                {
                    bodiesChecked++;
                }
                else if (entry.BodyHash is not null)
                {
                    bodiesRemoved++;
                }
                else if (Tombstones.Is(entry))
                {
                    tombstones++;
                }

                previous = entry.Hash;
                expected++;
            }
        }

        var last = expected - 1;
        if (coverage?.FirstProblem(complete: true) is var (tombstone, unproven))
        {
            return new AuditVerification(last, bodiesChecked, bodiesRemoved, head, tombstone, unproven);
        }

        var latest = await _store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var headProblem = CheckHeads(head, latest, last, previous, headHashMatched);
        return new AuditVerification(last, bodiesChecked, bodiesRemoved, latest ?? head, headProblem, headProblem is null
            ? AuditProblem.None
            : AuditProblem.HeadMismatch) { Tombstones = tombstones };
    }

    private async Task<TombstoneCoverage?> StartCoverageAsync(CancellationToken cancellationToken)
    {
        if (checkpointKey is null || _store is not IAuditCheckpointStore checkpoints)
        {
            return null;
        }

        var stored = await checkpoints.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        return new TombstoneCoverage(stored, checkpointKey);
    }

    private static AuditProblem Check(AuditEntry entry, long expected, byte[] previous, bool canProveTombstones)
    {
        if (entry.Sequence > expected)
        {
            return AuditProblem.Missing;
        }

        if (entry.Sequence < expected)
        {
            return AuditProblem.OutOfOrder;
        }

        if (Tombstones.Is(entry))
        {
            // Nothing is left to recompute the hash from; the chain link below and a checkpoint vouch for it.
            if (!canProveTombstones)
            {
                return AuditProblem.TombstoneUncovered;
            }

            if (entry.Hash.Length != AuditChain.HashSize)
            {
                return AuditProblem.TombstoneUnproven;
            }
        }
        else if (entry.Hash.Length != AuditChain.HashSize || !AuditChain.HashMatches(entry))
        {
            return AuditProblem.Edited;
        }

        if (!entry.PrevHash.AsSpan().SequenceEqual(previous))
        {
            return AuditProblem.ChainBroken;
        }

        if (entry.BodyParts is { } parts && entry.BodyHash is not null)
        {
            // The parts must hold under the committed hash, and the body a reader is shown must be exactly their join.
            var holds = BodyParts.Match(parts, entry.BodyHash)
                && (entry.Body is null || entry.Body.AsSpan().SequenceEqual(BodyParts.Join(parts)));
            return holds ? AuditProblem.None : AuditProblem.BodyMismatch;
        }

        return entry.Body is null || BodyMatches(entry.Body, entry.BodyHash) ? AuditProblem.None : AuditProblem.BodyMismatch;
    }

    private static bool BodyMatches(byte[] body, byte[]? bodyHash)
    {
        Span<byte> actual = stackalloc byte[AuditChain.HashSize];
        SHA256.HashData(body, actual);
        return bodyHash is not null && actual.SequenceEqual(bodyHash);
    }

    // Returns the first bad sequence the heads reveal, or null when the log agrees with them.
    private static long? CheckHeads(AuditHead? before, AuditHead? after, long last, byte[] lastHash, bool beforeHashMatched)
    {
        if (before is not null && last < before.Sequence)
        {
            return last + 1;
        }

        if (after is null)
        {
            return last == 0 ? null : 1;
        }

        if (after.Sequence < last)
        {
            return after.Sequence + 1;
        }

        if (after.Sequence == last && !after.Hash.AsSpan().SequenceEqual(lastHash))
        {
            return last;
        }

        return beforeHashMatched ? null : before!.Sequence;
    }
}
