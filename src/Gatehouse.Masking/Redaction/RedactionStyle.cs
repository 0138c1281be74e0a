namespace Gatehouse.Masking.Redaction;

/// <summary>Says how a detected value is replaced in the output. The default is <see cref="Marker"/>.</summary>
public enum RedactionStyle
{
    /// <summary>Replaced by <c>[MASKED:&lt;rule-id&gt;]</c>.</summary>
    Marker,

    /// <summary>Replaced by <c>****</c> followed by the value's last four characters.</summary>
    KeepLast4,

    /// <summary>Replaced by a fixed <c>********</c>, so that the length of the value is hidden too.</summary>
    FixedLength,

    /// <summary>
    /// Replaced by <c>[MASKED:&lt;rule-id&gt;:&lt;6 hex&gt;]</c>, a deterministic pseudonym (HMAC-SHA256 under the
    /// deployment key): the same secret always gets the same pseudonym.
    /// </summary>
    Pseudonym,
}
