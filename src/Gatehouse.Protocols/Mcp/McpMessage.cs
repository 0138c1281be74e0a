namespace Gatehouse.Protocols.Mcp;

/// <summary>The JSON-RPC message of one MCP POST, as policy, the header checks and the audit see it.</summary>
/// <param name="Kind">Request, notification or response.</param>
/// <param name="Method">The method (<c>tools/call</c>, <c>initialize</c>...), or null for a response.</param>
/// <param name="Id">The id as its JSON text (<c>7</c>, <c>"abc"</c>), or null for a notification.</param>
/// <param name="Name">
/// What the method names, as the <c>Mcp-Name</c> header mirrors it: the tool of <c>tools/call</c>, the prompt of
/// <c>prompts/get</c>, the URI of <c>resources/read</c>; null for other methods.
/// </param>
/// <param name="ProtocolVersion">The protocol version the body carries in <c>params._meta</c> (stateless revisions), or null.</param>
public sealed record McpMessage(McpMessageKind Kind, string? Method, string? Id, string? Name, string? ProtocolVersion)
{
    /// <summary>
    /// Gets whether the request declares URL-mode elicitation in <c>params._meta</c>'s client capabilities (the stateless
    /// revisions declare capabilities per request), so that it may be answered with an <c>input_required</c> result.
    /// </summary>
    public bool ElicitsUrl { get; init; }

    /// <summary>Gets the <c>params.requestState</c> a retry echoes back from an <c>input_required</c> result, or null.</summary>
    public string? RequestState { get; init; }

    /// <summary>
    /// Gets whether the message declares the <c>sampling</c> client capability: in <c>initialize</c>'s capabilities, or
    /// in the per-request capabilities of <c>params._meta</c> (see <see cref="McpSamplingCapability"/>).
    /// </summary>
    public bool DeclaresSampling { get; init; }

    /// <summary>The method that calls a tool.</summary>
    public const string ToolsCall = "tools/call";

    /// <summary>The method that lists the server's tools.</summary>
    public const string ToolsList = "tools/list";

    /// <summary>The method that reads a resource.</summary>
    public const string ResourcesRead = "resources/read";

    /// <summary>The method that gets a prompt.</summary>
    public const string PromptsGet = "prompts/get";
}
