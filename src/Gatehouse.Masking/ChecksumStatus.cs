namespace Gatehouse.Masking;

/// <summary>Says whether a found value's own checksum verified. The default is <see cref="None"/>.</summary>
/// <remarks>
/// A value of a checksummed format is masked whether or not its checksum verifies (a cut, mistyped or test token is
/// still a token, and one from a system with another checksum may be live there); the status only lets a report tell
/// a live-looking secret from a broken one. It never decides what is masked.
/// </remarks>
public enum ChecksumStatus
{
    /// <summary>The rule's format carries no checksum that the engine verifies.</summary>
    None,

    /// <summary>The value's checksum verifies.</summary>
    Valid,

    /// <summary>The value has the format's exact prefix and shape, but its checksum does not verify.</summary>
    Invalid,
}
