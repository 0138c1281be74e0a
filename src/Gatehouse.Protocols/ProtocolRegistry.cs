using System.Text.Json;
using Gatehouse.Protocols.Anthropic;
using Gatehouse.Protocols.Mcp;
using Gatehouse.Protocols.OpenAIChat;
using Gatehouse.Protocols.OpenAICompletions;
using Gatehouse.Protocols.OpenAIResponses;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Rewriting.Generic;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols;

/// <summary>Chooses the adapter for an exchange from the connection's kind, the method and the path.</summary>
/// <remarks>
/// Matching is exact per path segment (a route's <c>{engine}</c> segment matches any one), after reducing the path
/// as an upstream might (percent-decoding, empty and dot segments, case); anything else on a model connection, such as <c>responses/{id}</c> or
/// <c>messages/count_tokens</c>, has no adapter: its response is masked generically
/// (<see cref="CreateGenericResponseRewriter"/>). Adapters are stateless and shared.
/// </remarks>
public sealed class ProtocolRegistry
{
    /// <summary>The default bound on a buffered (not streamed) JSON response: 8 MiB.</summary>
    public const int DefaultMaxJsonBodyBytes = 8 << 20;

    // Every API the gateway understands: one folder each, registered here once.
    private static readonly ProtocolParts[] Registered =
        [OpenAIChatProtocol.Parts, OpenAIResponsesProtocol.Parts, AnthropicProtocol.Parts, OpenAICompletionsProtocol.Parts, McpProtocol.Parts];
    private readonly ProtocolAdapter[] _adapters;

    /// <summary>Creates a registry whose assemblers keep at most <paramref name="maxTextChars"/> of response text
    /// and buffer at most <paramref name="maxJsonBodyBytes"/> of a JSON response.</summary>
    public ProtocolRegistry(int maxTextChars = 1_048_576, int maxJsonBodyBytes = DefaultMaxJsonBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTextChars);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJsonBodyBytes, 1);
        MaxTextChars = maxTextChars;
        MaxJsonBodyBytes = maxJsonBodyBytes;
        _adapters = [.. Registered.Select(parts => new ProtocolAdapter(parts, maxTextChars, maxJsonBodyBytes))];
    }

    /// <summary>Gets the most response text an assembler keeps; the default is 1,048,576 characters.</summary>
    public int MaxTextChars { get; }

    /// <summary>Gets the most bytes of a JSON (not streamed) response an assembler buffers; the default is 8 MiB.</summary>
    public int MaxJsonBodyBytes { get; }

    /// <summary>
    /// Returns the adapter for <paramref name="path"/> (the part after <c>/{connection}/</c>, no query) on a
    /// connection of <paramref name="connectionKind"/> (<c>openai</c>, <c>anthropic</c>, <c>mcp</c> or <c>http</c>), or
    /// null when the exchange is opaque HTTP. On an <c>mcp</c> connection every POST is a JSON-RPC message at the
    /// server's one endpoint, whatever its path; its GET (server stream) and DELETE (session end) are opaque.
    /// </summary>
    public IProtocolAdapter? Resolve(string connectionKind, string method, string path)
    {
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var route = RoutePath.Normalise(path);
        foreach (var adapter in _adapters)
        {
            if (string.Equals(connectionKind, adapter.ConnectionKind, StringComparison.OrdinalIgnoreCase) && (adapter.AnyPath || adapter.Serves(route)))
            {
                return adapter;
            }
        }

        return null;
    }

    /// <summary>Returns whether <paramref name="connectionKind"/> is a model API's (<c>openai</c> or <c>anthropic</c>) rather than <c>http</c>.</summary>
    public static bool IsModelConnection(string connectionKind)
        => string.Equals(connectionKind, "openai", StringComparison.OrdinalIgnoreCase)
            || string.Equals(connectionKind, "anthropic", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns whether an exchange no adapter understands can carry no model output: listing or reading models
    /// (<c>GET models[/{id}]</c>) and counting tokens (<c>messages/count_tokens</c>). Every other endpoint of a model
    /// API may return what a model wrote (stored responses and completions, batch results, files, conversations).
    /// </summary>
    public static bool CarriesNoModelOutput(string method, string path)
    {
        var route = RoutePath.Normalise(path);
        if (route.StartsWith("v1/", StringComparison.Ordinal))
        {
            route = route[3..];
        }

        var read = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
        return (read && (route == "models" || (route.StartsWith("models/", StringComparison.Ordinal) && route.IndexOf('/', 7) < 0)))
            || (string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) && route == "messages/count_tokens");
    }

    /// <summary>
    /// Creates a rewriter for a response no adapter understands (another endpoint of a model API): every property name
    /// and string value of a JSON body, each line of JSON Lines, each event of a stream, or the whole of a text body is
    /// passed through <paramref name="rewriter"/> whole. Any other body (binary) sets the rewriter's error: it cannot be
    /// masked, so it must not be released.
    /// </summary>
    /// <param name="contentType">The upstream response's media type (<c>text/event-stream</c> for streams).</param>
    /// <param name="rewriter">The text rewriter for this one response.</param>
    public IResponseRewriter CreateGenericResponseRewriter(string? contentType, ITextRewriter rewriter)
    {
        ArgumentNullException.ThrowIfNull(rewriter);
        return MediaTypes.IsEventStream(contentType)
            ? new SseResponseRewriter(new GenericStreamRewriter(rewriter))
            : new GenericBodyRewriter(rewriter, MaxJsonBodyBytes);
    }

    /// <summary>Returns the adapter for <paramref name="api"/>, or null for <see cref="ApiKind.Http"/>.</summary>
    public IProtocolAdapter? Get(ApiKind api) => Array.Find(_adapters, a => a.Api == api);

    /// <summary>Creates the pipeline of a response no adapter understands (see <see cref="ResponsePipeline.Opaque"/>).</summary>
    /// <param name="contentType">The upstream response's media type.</param>
    /// <param name="masking">The text rewriter when the connection masks responses, or null.</param>
    /// <param name="bodyRewriter">A rewriter that replaces the generic one (an error status's body), or null.</param>
    /// <param name="captureBytes">How many bytes of the body the audit keeps.</param>
    /// <param name="withholdServerRequest">Which requests of an event stream are withheld from the client (see <see cref="ResponsePipelineOptions.WithholdServerRequest"/>), or null.</param>
    public ResponsePipeline CreateOpaquePipeline(
        string? contentType, ITextRewriter? masking, IResponseRewriter? bodyRewriter, int captureBytes, Func<JsonElement, bool>? withholdServerRequest = null)
    {
        if (bodyRewriter is null && withholdServerRequest is not null && MediaTypes.IsEventStream(contentType))
        {
            // An MCP server's GET stream: its requests pass the gate whether or not the connection masks responses.
            var events = new GenericStreamRewriter(masking ?? IdentityTextRewriter.Instance) { WithholdServerRequest = withholdServerRequest };
            return ResponsePipeline.Opaque(new SseResponseRewriter(events), captureBytes);
        }

        return ResponsePipeline.Opaque(bodyRewriter ?? (masking is null ? null : CreateGenericResponseRewriter(contentType, masking)), captureBytes);
    }
}
