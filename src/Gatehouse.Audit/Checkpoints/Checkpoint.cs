namespace Gatehouse.Audit.Checkpoints;

/// <summary>A signed statement that the audit log's first <paramref name="TreeSize"/> entries have Merkle root <paramref name="RootHash"/>.</summary>
/// <param name="TreeSize">The number of entries covered (sequences 1..TreeSize).</param>
/// <param name="RootHash">The RFC 9162 root of their leaves.</param>
/// <param name="Time">When it was signed, to the second.</param>
/// <param name="KeyId">The id of the signing key, see <see cref="CheckpointKeys.KeyId"/>.</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 over <see cref="CheckpointText.Format"/>, IEEE P1363 (r ‖ s).</param>
public sealed record Checkpoint(long TreeSize, byte[] RootHash, DateTimeOffset Time, string KeyId, byte[] Signature)
{
    /// <summary>Gets the text the signature covers.</summary>
    public string SignedText => CheckpointText.Format(TreeSize, RootHash, Time);
}
