namespace Gatehouse.Protocols;

/// <summary>What an adapter understood of a request body: the normalised view policy, masking and audit see.</summary>
public sealed record ParsedRequest
{
    /// <summary>Gets the API the request speaks.</summary>
    public required ApiKind Api { get; init; }

    /// <summary>Gets the requested model, if named.</summary>
    public string? Model { get; init; }

    /// <summary>Gets a value indicating whether the client asked for a streamed (SSE) response.</summary>
    public bool Stream { get; init; }

    /// <summary>Gets the prompt messages in order (system first where the API has a separate field).</summary>
    public IReadOnlyList<PromptMessage> Messages { get; init; } = [];

    /// <summary>
    /// Gets the model-visible text pieces in the order the model reads them: each string content, text part, tool
    /// call and tool result, system first where the API has a separate field. Empty pieces are left out.
    /// </summary>
    /// <remarks>
    /// The same strings that make up <see cref="Messages"/>' text, kept apart so that masking can look at the junction
    /// between two pieces, where a secret written in two halves only exists once the model reads them together.
    /// </remarks>
    public IReadOnlyList<string> TextPieces { get; init; } = [];

    /// <summary>Gets the names of the tools offered to the model.</summary>
    public IReadOnlyList<string> ToolNames { get; init; } = [];

    /// <summary>
    /// Gets the tool calls the request itself asks to run: an MCP <c>tools/call</c> (and, named after their method,
    /// <c>resources/read</c> and <c>prompts/get</c>); empty for model APIs, whose tool calls are in the response.
    /// </summary>
    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];

    /// <summary>Gets the JSON-RPC message of an MCP request, or null for other APIs.</summary>
    public Mcp.McpMessage? Mcp { get; init; }
}
