using Gatehouse.Gateway.Routing;

namespace Gatehouse.Gateway.Mcp.Sampling;

/// <summary>A <c>sampling/createMessage</c> request a server sent on a connection that denies sampling, to be answered by the gateway.</summary>
/// <param name="Connection">The connection (its client and credential reach the server).</param>
/// <param name="Endpoint">The server's MCP endpoint the exchange was forwarded to.</param>
/// <param name="SessionId">The client's <c>Mcp-Session-Id</c>, or null.</param>
/// <param name="ProtocolVersion">The client's <c>MCP-Protocol-Version</c>, or null.</param>
/// <param name="RequestId">The server's JSON-RPC id of the request, as JSON text.</param>
/// <param name="Exchange">The exchange whose response stream carried it.</param>
/// <param name="Subject">The caller, or null.</param>
/// <param name="At">When the gateway withheld it.</param>
internal sealed record McpSamplingRefusal(
    RoutedConnection Connection, Uri Endpoint, string? SessionId, string? ProtocolVersion, string RequestId, string Exchange, string? Subject, DateTimeOffset At);
