using System.Text.Json.Nodes;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>Opens channels to one connection's MCP server; each (re)start of the server is one channel.</summary>
internal interface IMcpChannelFactory
{
    /// <summary>Gets the revision the gateway initializes the server with when no client's <c>initialize</c> said one.</summary>
    string DefaultProtocolVersion { get; }

    /// <summary>Gets a value indicating whether the server needs <c>initialize</c> before every request, whatever the request's revision.</summary>
    bool AlwaysInitialize { get; }

    /// <summary>Opens a channel, or throws <see cref="McpServerUnavailableException"/>.</summary>
    Task<IMcpChannel> OpenAsync(Action<JsonObject> onMessage, CancellationToken cancellationToken);
}
