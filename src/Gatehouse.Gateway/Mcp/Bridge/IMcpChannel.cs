using System.Text.Json.Nodes;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// One live message channel to an MCP server: a stdio child process or a 2024-11-05 HTTP+SSE session. Messages the
/// server sends are handed to the callback given when the channel was opened, in the order they arrived.
/// </summary>
internal interface IMcpChannel : IAsyncDisposable
{
    /// <summary>Gets a task that completes when the channel closed (the process exited, the event stream ended).</summary>
    Task Completion { get; }

    /// <summary>Sends one JSON-RPC message to the server.</summary>
    ValueTask SendAsync(JsonObject message, CancellationToken cancellationToken);
}
