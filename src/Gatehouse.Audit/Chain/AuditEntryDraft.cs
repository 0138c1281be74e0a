namespace Gatehouse.Audit.Chain;

/// <summary>An entry before the store assigns its sequence and chain hashes.</summary>
/// <param name="Kind">The entry kind, for example <see cref="AuditEntryKinds.Intent"/>.</param>
/// <param name="ExchangeId">The exchange (or other subject) the entry belongs to.</param>
/// <param name="Time">When the entry was recorded.</param>
/// <param name="Index">The searchable columns.</param>
/// <param name="Payload">The canonical JSON metadata.</param>
/// <param name="Body">The content (prompt or response text, UTF-8), kept apart so retention can drop it (see <see cref="Body"/>).</param>
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
    private byte[]? _body = Body;
    private bool _joinsParts;

    /// <summary>Gets the content (prompt or response text, UTF-8), kept apart so retention can drop it.</summary>
    /// <remarks>
    /// The codec gives a body as its <see cref="BodyParts"/> alone: it is their join, made when this is first read. The
    /// stores write the parts and never read it, so the data path does not copy a prompt once more (for an agent's 49 KB
    /// request, 50 KB) for nothing. Setting it replaces the join.
    /// </remarks>
    public byte[]? Body
    {
        get
        {
            if (_joinsParts)
            {
                _body = Chain.BodyParts.JoinOrNull(BodyParts);
                Volatile.Write(ref _joinsParts, false);
            }

            return _body;
        }

        init
        {
            _body = value;
            _joinsParts = false;
        }
    }

    /// <summary>Gets a value indicating whether <see cref="Body"/>, given as null, is the join of <see cref="BodyParts"/>.</summary>
    internal bool BodyJoinsParts
    {
        get => _joinsParts;
        init => _joinsParts = value;
    }

    /// <summary>Gets the body as given, without joining it.</summary>
    internal byte[]? BodyAsGiven => _body;

    /// <summary>
    /// Gets the body as content-addressed parts, whose concatenation is <see cref="Body"/>; null stores the body whole.
    /// </summary>
    public IReadOnlyList<BodyPart>? BodyParts { get; init; }
}
