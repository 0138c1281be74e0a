namespace Gatehouse.Audit.Chain;

/// <summary>An entry before the store assigns its sequence and chain hashes.</summary>
/// <param name="Kind">The entry kind, for example <see cref="AuditEntryKinds.Intent"/>.</param>
/// <param name="ExchangeId">The exchange (or other subject) the entry belongs to.</param>
/// <param name="Time">When the entry was recorded.</param>
/// <param name="Index">The searchable columns.</param>
/// <param name="Payload">The canonical JSON metadata.</param>
/// <param name="Body">The content (prompt or response text, UTF-8), kept apart so retention can drop it.</param>
/// <param name="BodyHash">
/// The SHA-256 of <paramref name="Body"/>, or the manifest hash when <see cref="BodyParts"/> is set; null when there is
/// no body.
/// </param>
public sealed record AuditEntryDraft(
    string Kind,
    string ExchangeId,
    DateTimeOffset Time,
    AuditIndex Index,
    byte[] Payload,
    byte[]? Body,
    byte[]? BodyHash)
{
    /// <summary>
    /// Gets the body as content-addressed parts, whose concatenation is <see cref="Body"/>; null stores the body whole.
    /// </summary>
    public IReadOnlyList<BodyPart>? BodyParts { get; init; }
}
