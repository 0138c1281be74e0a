namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>
/// Announces a tool definition that waits for an admin's accept (<c>mcp.tool.changed</c>). The control plane implements
/// it with the notification webhooks; with none configured nothing is registered and nothing is announced.
/// </summary>
/// <remarks>Called on the data path after the response: an implementation must queue and return at once.</remarks>
internal interface IMcpToolNotifications
{
    /// <summary>Announces that <paramref name="tool"/> of <paramref name="connection"/> was added or changed.</summary>
    /// <param name="connection">The connection's configured name.</param>
    /// <param name="tool">The tool's name.</param>
    /// <param name="change"><c>changed</c> or <c>added</c>.</param>
    /// <param name="previousHash">The accepted definition's SHA-256, or null for a new tool.</param>
    /// <param name="hash">The pending definition's SHA-256.</param>
    /// <param name="at">When the gateway first saw it.</param>
    void Pending(string connection, string tool, string change, string? previousHash, string hash, DateTimeOffset at);
}
