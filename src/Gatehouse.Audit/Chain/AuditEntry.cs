namespace Gatehouse.Audit.Chain;

/// <summary>A committed entry of the audit log: a draft with its place in the hash chain.</summary>
/// <param name="Sequence">The position in the log, 1..n without gaps.</param>
/// <param name="Kind">The entry kind.</param>
/// <param name="ExchangeId">The exchange the entry belongs to.</param>
/// <param name="Time">When the entry was recorded.</param>
/// <param name="Index">The searchable columns.</param>
/// <param name="Payload">The canonical JSON metadata.</param>
/// <param name="Body">The content, or null when there was none or retention removed it.</param>
/// <param name="BodyHash">
/// The SHA-256 of the body as written, or for a body stored as parts the manifest hash (<see cref="BodyParts"/>);
/// null when there was none.
/// </param>
/// <param name="PrevHash">The previous entry's hash (32 zero bytes for the first entry).</param>
/// <param name="Hash">This entry's hash, see <see cref="AuditChain"/>.</param>
public sealed record AuditEntry(
    long Sequence,
    string Kind,
    string ExchangeId,
    DateTimeOffset Time,
    AuditIndex Index,
    byte[] Payload,
    byte[]? Body,
    byte[]? BodyHash,
    byte[] PrevHash,
    byte[] Hash)
{
    /// <summary>Gets the body's content-addressed parts in order, or null when the body is stored whole (or removed).</summary>
    public IReadOnlyList<BodyPart>? BodyParts { get; init; }
}
