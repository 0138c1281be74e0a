using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Mcp.Bridge;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Stdio;

/// <summary>Starts a connection's stdio MCP server: each channel is one run of the process.</summary>
internal sealed class McpStdioChannelFactory(string connection, McpStdioConfig config, TimeProvider time, ILogger logger) : IMcpChannelFactory
{
    /// <summary>The latest session-based revision: what the gateway asks for when no client's initialize named one.</summary>
    public string DefaultProtocolVersion => "2025-11-25";

    public bool AlwaysInitialize => false;

    public Task<IMcpChannel> OpenAsync(Action<JsonObject> onMessage, CancellationToken cancellationToken)
        => Task.FromResult<IMcpChannel>(McpStdioChannel.Start(connection, config, onMessage, time, logger));
}
