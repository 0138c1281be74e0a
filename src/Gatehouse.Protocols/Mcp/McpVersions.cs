namespace Gatehouse.Protocols.Mcp;

/// <summary>The MCP protocol revisions the gateway understands over Streamable HTTP.</summary>
/// <remarks>
/// 2024-11-05 used the HTTP+SSE transport, which the gateway does not speak. 2025-03-26 allowed JSON-RPC batches, which
/// 2025-06-18 removed; the gateway forwards none (it decides one message per request) and answers each request of a
/// 2025-03-26 batch with a JSON-RPC error. A request
/// without <c>MCP-Protocol-Version</c> is read as 2025-03-26, as the 2025-06-18 and later transports say a server may.
/// From 2026-07-28 on, the body carries its version in <c>_meta</c> and the <c>Mcp-Method</c>/<c>Mcp-Name</c> headers
/// are required and checked against it.
/// </remarks>
public static class McpVersions
{
    /// <summary>The version a request without the header is read as.</summary>
    public const string Default = "2025-03-26";

    /// <summary>The first revision whose requests carry their version and method in headers that must match the body.</summary>
    public const string Stateless = "2026-07-28";

    /// <summary>The key of the protocol version in a request's <c>params._meta</c> (stateless revisions).</summary>
    public const string MetaKey = "io.modelcontextprotocol/protocolVersion";

    /// <summary>Gets the supported revisions, oldest first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"];

    /// <summary>Returns whether <paramref name="version"/> is a supported revision.</summary>
    public static bool IsSupported(string version) => Supported.Contains(version, StringComparer.Ordinal);

    /// <summary>Returns whether <paramref name="version"/> requires the method and name headers (2026-07-28 and later).</summary>
    public static bool RequiresHeaders(string version) => string.CompareOrdinal(version, Stateless) >= 0;
}
