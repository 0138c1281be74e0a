namespace Gatehouse.Gateway.Configuration;

/// <summary>How the gateway speaks to an MCP connection's upstream URL.</summary>
public enum McpUpstreamTransport
{
    /// <summary>Streamable HTTP (2025-03-26 and later): each request forwarded as the client sent it.</summary>
    Streamable,

    /// <summary>The deprecated HTTP+SSE transport of 2024-11-05: a GET event stream and POSTs to its <c>endpoint</c>.</summary>
    Sse,
}
