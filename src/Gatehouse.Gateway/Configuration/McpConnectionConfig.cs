namespace Gatehouse.Gateway.Configuration;

/// <summary>What a connection of kind <c>mcp</c> adds: how it names itself as an OAuth protected resource.</summary>
public sealed record McpConnectionConfig
{
    /// <summary>
    /// Gets the connection's resource identifier (RFC 8707, RFC 9728 <c>resource</c>), or null (the default) for the
    /// gateway's public URL followed by <c>/{connection}</c>: the URL MCP clients use.
    /// </summary>
    public Uri? Resource { get; init; }

    /// <summary>
    /// Gets a value indicating whether a token must name the connection's resource in its audience (<c>aud</c>); the
    /// default is false. API keys carry no audience and are not affected.
    /// </summary>
    /// <remarks>The issuer's <c>audiences</c> list must accept the resource too, since tokens are validated there first.</remarks>
    public bool RequireAudience { get; init; }

    /// <summary>
    /// Gets how tool definitions are pinned (<c>strict</c>, <c>trust-new</c>, <c>off</c>); the default is
    /// <see cref="McpToolPinning.Strict"/>: after the first <c>tools/list</c>, a changed or new tool waits for an admin.
    /// </summary>
    public McpToolPinning Pinning { get; init; }

    /// <summary>
    /// Gets how often a session-based client's call held for approval is told it is still waiting, on an event stream
    /// the gateway opens for it; null (<c>off</c>) keeps the call waiting silently. The default is 10 seconds.
    /// </summary>
    /// <remarks>See docs/mcp.md, "Approval of a held call": a <c>notifications/progress</c> when the call carried a
    /// <c>progressToken</c>, else an SSE comment.</remarks>
    public TimeSpan? ProgressEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets whether the server may ask the client's model for a completion (server-initiated sampling); the default is
    /// <see cref="McpSampling.Deny"/>. Only servers reached over Streamable HTTP can be allowed it: the gateway answers a
    /// stdio or HTTP+SSE server's requests itself.
    /// </summary>
    public McpSampling Sampling { get; init; }
}
