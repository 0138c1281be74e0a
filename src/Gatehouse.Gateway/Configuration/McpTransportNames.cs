namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The one table of the names an MCP connection's <see cref="McpUpstreamTransport"/> (<c>transport</c>) and
/// <see cref="McpStdioScope"/> (<c>stdio.scope</c>) have in the configuration. Lower-case, matched exactly, as every
/// documented configuration and shipped example writes them.
/// </summary>
internal static class McpTransportNames
{
    /// <summary>Gets every transport name, in the order of <see cref="McpUpstreamTransport"/>: <c>streamable</c>, <c>sse</c>.</summary>
    public static IReadOnlyList<string> Transports { get; } = [.. Enum.GetValues<McpUpstreamTransport>().Select(Transport)];

    /// <summary>Gets every scope name, in the order of <see cref="McpStdioScope"/>: <c>connection</c>, <c>caller</c>.</summary>
    public static IReadOnlyList<string> Scopes { get; } = [.. Enum.GetValues<McpStdioScope>().Select(Scope)];

    /// <summary>Returns the name of <paramref name="transport"/>: <c>streamable</c> or <c>sse</c>.</summary>
    public static string Transport(McpUpstreamTransport transport) => transport == McpUpstreamTransport.Sse ? "sse" : "streamable";

    /// <summary>Returns the name of <paramref name="scope"/>: <c>connection</c> or <c>caller</c>.</summary>
    public static string Scope(McpStdioScope scope) => scope == McpStdioScope.Caller ? "caller" : "connection";

    /// <summary>Reads a transport name written by <see cref="Transport"/>; false for any other text.</summary>
    public static bool TryParseTransport(string? text, out McpUpstreamTransport transport)
    {
        transport = text == "sse" ? McpUpstreamTransport.Sse : McpUpstreamTransport.Streamable;
        return text is "streamable" or "sse";
    }

    /// <summary>Reads a scope name written by <see cref="Scope"/>; false for any other text.</summary>
    public static bool TryParseScope(string? text, out McpStdioScope scope)
    {
        scope = text == "caller" ? McpStdioScope.Caller : McpStdioScope.Connection;
        return text is "connection" or "caller";
    }
}
