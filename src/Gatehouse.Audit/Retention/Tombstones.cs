using Gatehouse.Audit.Chain;

namespace Gatehouse.Audit.Retention;

/// <summary>The rules for entries retention has reduced to tombstones.</summary>
/// <remarks>
/// A tombstone keeps its sequence, time, previous hash and hash; everything the hash was computed over is gone, so
/// its hash is taken as stored and vouched for by a signed checkpoint that covers it (see
/// <c>docs/designs/audit-retention.md</c>).
/// </remarks>
public static class Tombstones
{
    /// <summary>Returns whether <paramref name="entry"/> is a tombstone.</summary>
    public static bool Is(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == RetentionEntryKinds.Tombstone;
    }

    /// <summary>
    /// Returns the hash the Merkle tree takes for <paramref name="entry"/>: recomputed from its fields, or the stored
    /// hash of a tombstone, which has no fields left to recompute it from.
    /// </summary>
    public static byte[] LeafHash(AuditEntry entry) => Is(entry) ? entry.Hash : AuditChain.ComputeHash(entry);
}
