namespace Gatehouse.Audit.Proofs;

/// <summary>One entry of a proven exchange, with what a third party needs to check it is in the signed tree.</summary>
/// <param name="Sequence">The entry's sequence.</param>
/// <param name="LeafIndex">Its leaf in the tree: <c>Sequence - 1</c>.</param>
/// <param name="EntryHash">The entry hash: SHA-256 of <paramref name="Canonical"/>.</param>
/// <param name="Canonical">The canonical entry encoding (see <see cref="Chain.AuditChain.Encode(Chain.AuditEntry)"/>).</param>
/// <param name="AuditPath">The RFC 9162 inclusion proof of the leaf in the checkpoint's tree.</param>
public sealed record ProvenEntry(long Sequence, long LeafIndex, byte[] EntryHash, byte[] Canonical, IReadOnlyList<byte[]> AuditPath);
