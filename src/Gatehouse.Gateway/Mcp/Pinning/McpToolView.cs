namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>One tool of an MCP connection as the admin API shows it: its accepted and pending definitions.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="State"><c>accepted</c>, <c>changed</c> (accepted, a different definition pending) or <c>new</c> (never accepted).</param>
/// <param name="AcceptedHash">The accepted definition's SHA-256, or null.</param>
/// <param name="AcceptedBy">Who accepted it, or null.</param>
/// <param name="AcceptedAt">When, or null.</param>
/// <param name="PendingHash">The pending definition's SHA-256, or null.</param>
/// <param name="PendingSince">When it was first listed, or null.</param>
/// <param name="Accepted">The accepted definition's canonical JSON (masked), or null.</param>
/// <param name="Pending">The pending definition's canonical JSON (masked), or null.</param>
internal sealed record McpToolView(
    string Connection,
    string Tool,
    string State,
    string? AcceptedHash,
    string? AcceptedBy,
    DateTimeOffset? AcceptedAt,
    string? PendingHash,
    DateTimeOffset? PendingSince,
    string? Accepted,
    string? Pending)
{
    public static McpToolView Of(Gatehouse.Storage.Mcp.McpToolPin pin) => new(
        pin.Connection,
        pin.Tool,
        pin.PendingHash is null ? "accepted" : pin.AcceptedHash is null ? "new" : "changed",
        pin.AcceptedHash,
        pin.AcceptedBy,
        pin.AcceptedAt,
        pin.PendingHash,
        pin.PendingSince,
        pin.AcceptedDefinition,
        pin.PendingDefinition);
}
