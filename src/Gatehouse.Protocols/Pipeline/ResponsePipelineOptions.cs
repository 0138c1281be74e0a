using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>What one response's pipeline does, decided when the upstream's headers arrive.</summary>
public sealed record ResponsePipelineOptions
{
    /// <summary>Gets the upstream response's media type (<c>text/event-stream</c> for streams).</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the masking of the response's text fields, or null (the default) when responses are not masked.</summary>
    public ITextRewriter? Masking { get; init; }

    /// <summary>
    /// Gets a rewriter for a body with no protocol shape (an error status's body) that replaces the adapter's own
    /// rewriting, or null (the default).
    /// </summary>
    public IResponseRewriter? BodyRewriter { get; init; }

    /// <summary>
    /// Gets which tools a listing may show, by name and definition (an MCP <c>tools/list</c> result answers only the
    /// tools the caller may call, as pinned), or null (the default) to show every tool. A filter makes the response
    /// rewritten even when it is not masked.
    /// </summary>
    public Func<string, System.Text.Json.JsonElement, bool>? ToolFilter { get; init; }

    /// <summary>
    /// Gets which requests a server sends on an event stream are withheld from the client (see
    /// <see cref="Rewriting.StreamRewriter.WithholdServerRequest"/>), or null (the default) to withhold none. A gate makes
    /// a stream rewritten even when it is not masked.
    /// </summary>
    public Func<System.Text.Json.JsonElement, bool>? WithholdServerRequest { get; init; }

    /// <summary>Gets whether policy may hold the response, and how; null (the default) when nothing can be held.</summary>
    public ResponseHoldOptions? Hold { get; init; }
}
