namespace Gatehouse.Storage.Mcp;

/// <summary>
/// What the gateway knows of one tool of one <c>mcp</c> connection: the definition an admin (or the first listing)
/// accepted, and a definition the server has listed since that nobody has accepted yet.
/// </summary>
/// <param name="Connection">The connection's name.</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="AcceptedHash">The SHA-256 (hex) of the accepted definition's canonical form, or null for a tool never accepted.</param>
/// <param name="AcceptedDefinition">The accepted definition's canonical JSON (masked), or null.</param>
/// <param name="AcceptedAt">When it was accepted, or null.</param>
/// <param name="AcceptedBy">Who accepted it: an admin's subject, or <see cref="FirstListing"/>/<see cref="TrustedNew"/>.</param>
/// <param name="PendingHash">The hash of a definition listed since and not accepted, or null when there is none.</param>
/// <param name="PendingDefinition">That definition's canonical JSON (masked), or null.</param>
/// <param name="PendingSince">When that definition was first listed, or null.</param>
public sealed record McpToolPin(
    string Connection,
    string Tool,
    string? AcceptedHash,
    string? AcceptedDefinition,
    DateTimeOffset? AcceptedAt,
    string? AcceptedBy,
    string? PendingHash,
    string? PendingDefinition,
    DateTimeOffset? PendingSince)
{
    /// <summary>The <see cref="AcceptedBy"/> of tools pinned by the first listing a connection saw.</summary>
    public const string FirstListing = "gatehouse:first-listing";

    /// <summary>The <see cref="AcceptedBy"/> of new tools pinned automatically (<c>mcp.pinning: trust-new</c>).</summary>
    public const string TrustedNew = "gatehouse:trust-new";

    /// <summary>Gets whether a call to the tool is allowed: it has an accepted definition and none pending.</summary>
    public bool Callable => AcceptedHash is not null && PendingHash is null;
}
