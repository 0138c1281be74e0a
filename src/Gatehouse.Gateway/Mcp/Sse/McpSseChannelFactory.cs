using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Mcp.Bridge;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Sse;

/// <summary>Opens HTTP+SSE sessions (2024-11-05) to a connection's upstream URL, the server's SSE endpoint.</summary>
internal sealed class McpSseChannelFactory(ConnectionConfig connection, HttpMessageInvoker client, TimeProvider time, ILogger logger) : IMcpChannelFactory
{
    /// <summary>The revision of the HTTP+SSE transport.</summary>
    public string DefaultProtocolVersion => "2024-11-05";

    /// <summary>Gets true: a server on the old transport knows nothing of per-request revisions and needs initialize first.</summary>
    public bool AlwaysInitialize => true;

    public async Task<IMcpChannel> OpenAsync(Action<JsonObject> onMessage, CancellationToken cancellationToken)
        => await McpSseChannel.OpenAsync(connection.Name, connection.Upstream, connection.Credential, client, onMessage, time, logger, cancellationToken);
}
