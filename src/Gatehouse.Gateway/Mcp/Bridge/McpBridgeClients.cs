using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Mcp.Sse;
using Gatehouse.Gateway.Mcp.Stdio;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>Builds the upstream client of an <c>mcp</c> connection whose server is not reached by Streamable HTTP.</summary>
internal static class McpBridgeClients
{
    /// <summary>Returns the bridge client for a stdio or HTTP+SSE connection, or null for any other connection.</summary>
    public static HttpMessageInvoker? Create(ConnectionConfig connection, McpBridges bridges, HttpMessageInvoker shared, TimeProvider time, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger("Gatehouse.Gateway.Mcp.Bridge");
        Func<IMcpChannelFactory>? factory = connection switch
        {
            { Kind: "mcp", Stdio: { } stdio } => () => new McpStdioChannelFactory(connection.Name, stdio, time, logger),
            { Kind: "mcp", Transport: McpUpstreamTransport.Sse } => () => new McpSseChannelFactory(connection, shared, time, logger),
            _ => null,
        };
        return factory is null ? null : new HttpMessageInvoker(new McpBridgeHandler(bridges, connection, factory));
    }
}
