using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols;

/// <summary>
/// Understands one model API: the only code that knows that API's JSON and event shapes.
/// </summary>
/// <remarks>
/// Masking, policy and audit see the normalised <see cref="ParsedRequest"/> and <see cref="ResponseSummary"/>;
/// none of them parse provider JSON themselves. Adding an API means adding an adapter.
/// </remarks>
public interface IProtocolAdapter
{
    /// <summary>Gets the API this adapter understands.</summary>
    ApiKind Api { get; }

    /// <summary>Parses the exact request body that will be forwarded.</summary>
    RequestParseResult ParseRequest(ReadOnlySpan<byte> body);

    /// <summary>Reads the request from a body already parsed, without parsing or copying it again.</summary>
    /// <remarks>The data path parses a body once (<see cref="RequestJson.TryParse"/>) and reads it here; what this
    /// returns is exactly what <see cref="ParseRequest"/> returns for the same bytes.</remarks>
    RequestParseResult ReadRequest(RequestJson body);

    /// <summary>Creates an assembler fed with the response body bytes as they are forwarded.</summary>
    /// <param name="contentType">The upstream response's media type (<c>text/event-stream</c> for streams).</param>
    IResponseAssembler CreateResponseAssembler(string? contentType);

    /// <summary>Creates a rewriter that passes the response body's text through <paramref name="rewriter"/> as it is forwarded.</summary>
    /// <param name="contentType">The upstream response's media type (<c>text/event-stream</c> for streams).</param>
    /// <param name="rewriter">The text rewriter for this one response.</param>
    IResponseRewriter CreateResponseRewriter(string? contentType, ITextRewriter rewriter);

    /// <summary>Creates a reader that turns this API's stream events into normalised deltas, one stream per reader.</summary>
    /// <remarks>For stages that act on each event before it is forwarded; assemblers use the same readers.</remarks>
    IStreamEventReader CreateStreamEventReader();

    /// <summary>Gets the reader that turns this API's whole JSON response into normalised deltas.</summary>
    IResponseBodyReader BodyReader { get; }

    /// <summary>Builds the pipeline of one response, once its headers say what it is (see <see cref="ResponsePipeline"/>).</summary>
    ResponsePipeline CreateResponsePipeline(ResponsePipelineOptions options);

    /// <summary>Creates a hold buffer that reads one response of this API by itself (outside a pipeline).</summary>
    /// <param name="contentType">The response's media type.</param>
    /// <param name="holdFromStart">Whether to hold everything, text included, rather than from the first tool call.</param>
    /// <param name="maxHeldBytes">The most bytes held.</param>
    /// <param name="maxTextChars">The most response text its summary keeps.</param>
    ResponseHoldBuffer CreateHoldBuffer(string? contentType, bool holdFromStart, int maxHeldBytes, int maxTextChars);
}
