namespace Gatehouse.Storage.Mcp;

/// <summary>
/// The pinned tool definitions of <c>mcp</c> connections (a "rug pull" guard): what each tool was accepted as, and what
/// its server lists now when that differs.
/// </summary>
/// <remarks>
/// A connection's first listing pins every tool it lists. Later listings only add pending definitions; only
/// <see cref="AcceptAsync"/> moves a pending definition to accepted. Every change is one write transaction, so two
/// replicas that see the same new definition record it once: only one of them is told it <see cref="McpToolChangeKind.Changed"/>.
/// </remarks>
public interface IMcpToolPinStore
{
    /// <summary>Returns the pins of <paramref name="connection"/>, by tool name; empty when it has never been listed.</summary>
    Task<IReadOnlyList<McpToolPin>> ListAsync(string connection, CancellationToken cancellationToken);

    /// <summary>
    /// Records what one <c>tools/list</c> answer of <paramref name="connection"/> defined and returns what that changed:
    /// every tool <see cref="McpToolChangeKind.Pinned"/> when the connection had no pins; otherwise a new tool pinned
    /// (<paramref name="pinNew"/>) or pending (<see cref="McpToolChangeKind.Added"/>), a definition seen for the first time
    /// pending (<see cref="McpToolChangeKind.Changed"/>), and a pending definition dropped when the accepted one is listed
    /// again (<see cref="McpToolChangeKind.Reverted"/>). A definition already pending changes nothing.
    /// </summary>
    Task<IReadOnlyList<McpToolChange>> ObserveAsync(
        string connection, IReadOnlyList<McpToolObservation> tools, bool pinNew, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts the pending definition of <paramref name="tool"/> (every pending tool of the connection when null) as
    /// <paramref name="acceptedBy"/>; with <paramref name="expectedHash"/>, only when that is the definition pending.
    /// Returns the accepted changes (empty when nothing matched).
    /// </summary>
    Task<IReadOnlyList<McpToolChange>> AcceptAsync(
        string connection, string? tool, string? expectedHash, string acceptedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
