namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// The MCP server of a stdio or HTTP+SSE connection could not be started or reached, or ended while a request waited.
/// The data path turns it into 503 <c>mcp_server_unavailable</c>; the message names no argument, variable or secret.
/// </summary>
internal sealed class McpServerUnavailableException(string connection, string reason, Exception? inner = null)
    : Exception($"the MCP server of connection '{connection}' is unavailable: {reason}", inner)
{
    public string Connection { get; } = connection;

    public string Reason { get; } = reason;
}
