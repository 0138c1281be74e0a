using System.Text.Json;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Requests;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols;

/// <summary>
/// One API's adapter, assembled from that API's parts: where it is served, its request parser, its stream and body
/// readers, its response rewriting and its refusal shape. The response half is built from these parts alone, so an
/// API is one folder and one registration in <see cref="ProtocolRegistry"/>.
/// </summary>
internal sealed class ProtocolAdapter : IProtocolAdapter
{
    private readonly Func<JsonElement, ParsedRequest> _read;
    private readonly Func<JsonEventReader> _createStreamReader;
    private readonly Func<RefusalWriter> _createRefusal;
    private readonly int _maxTextChars;
    private readonly int _maxBodyBytes;
    private readonly ResponseRewriting _rewriting;
    private readonly Func<JsonElement, string>? _notAnObject;

    public ProtocolAdapter(ProtocolParts parts, int maxTextChars, int maxBodyBytes)
    {
        Api = parts.Api;
        ConnectionKind = parts.ConnectionKind;
        Routes = parts.Routes;
        _read = parts.Read;
        _createStreamReader = parts.CreateStreamReader;
        BodyReader = parts.BodyReader;
        _rewriting = parts.Rewriting;
        _createRefusal = parts.CreateRefusal;
        AnyPath = parts.AnyPath;
        _notAnObject = parts.NotAnObject;
        _maxTextChars = maxTextChars;
        _maxBodyBytes = maxBodyBytes;
    }

    public ApiKind Api { get; }

    /// <summary>Gets the connection kind (<c>openai</c>, <c>anthropic</c>) whose connections serve this API.</summary>
    public string ConnectionKind { get; }

    /// <summary>Gets the normalised paths (after <c>/{connection}/</c>) this API is served at; a segment in braces
    /// (<c>{engine}</c>) stands for any one segment.</summary>
    public IReadOnlyList<string> Routes { get; }

    /// <summary>Returns whether this API is served at the normalised <paramref name="route"/>.</summary>
    public bool Serves(string route)
    {
        foreach (var pattern in Routes)
        {
            if (RoutePath.Matches(pattern, route))
            {
                return true;
            }
        }

        return false;
    }
    /// <summary>Gets whether every path of the connection is this API's (MCP's single endpoint).</summary>
    public bool AnyPath { get; }

    public IResponseBodyReader BodyReader { get; }

    public RequestParseResult ParseRequest(ReadOnlySpan<byte> body) => RequestParsing.Parse(body, _read, _notAnObject);

    public RequestParseResult ReadRequest(RequestJson body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RequestParsing.Read(body.Root, _read, _notAnObject);
    }

    public IResponseAssembler CreateResponseAssembler(string? contentType)
        => MediaTypes.IsEventStream(contentType)
            ? new SseResponseAssembler(_createStreamReader(), _maxTextChars)
            : new JsonResponseAssembler(BodyReader, _maxTextChars, _maxBodyBytes);

    public IResponseRewriter CreateResponseRewriter(string? contentType, ITextRewriter rewriter)
    {
        ArgumentNullException.ThrowIfNull(rewriter);
        return MediaTypes.IsEventStream(contentType)
            ? new SseResponseRewriter(_rewriting.CreateStream(rewriter))
            : new JsonResponseRewriter(_rewriting.Body, rewriter, _maxBodyBytes);
    }

    public IStreamEventReader CreateStreamEventReader() => _createStreamReader();

    public ResponseHoldBuffer CreateHoldBuffer(string? contentType, bool holdFromStart, int maxHeldBytes, int maxTextChars)
        => new(_createRefusal(), BodyReader, _createStreamReader(), MediaTypes.IsEventStream(contentType), holdFromStart, maxHeldBytes, maxTextChars);

    public ResponsePipeline CreateResponsePipeline(ResponsePipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stream = MediaTypes.IsEventStream(options.ContentType);
        var masking = options.Masking ?? (options.ToolFilter is null && (options.WithholdServerRequest is null || !stream) ? null : IdentityTextRewriter.Instance);
        var hold = options.Hold is { } h
            ? new ResponseHoldBuffer(_createRefusal(), BodyReader, null, stream, h.FromStart, h.MaxHeldBytes, _maxTextChars)
            : null;
        if (!stream)
        {
            if (options.BodyRewriter is null && masking is not null)
            {
                // The rewriter's parse of the body serves the body reader too: the body is parsed once.
                var keepsParse = BodyReader is JsonBodyReader;
                var rewriter = new JsonResponseRewriter(_rewriting.Body, masking, _maxBodyBytes, options.ToolFilter, keepsParse);
                return new ResponsePipeline(rewriter, null, null, new BodyStage(BodyReader, _maxTextChars, _maxBodyBytes, hold, keepsParse ? rewriter : null));
            }

            return new ResponsePipeline(options.BodyRewriter, null, null, new BodyStage(BodyReader, _maxTextChars, _maxBodyBytes, hold));
        }

        if (masking is not null && options.BodyRewriter is null)
        {
            // The stream rewriter splits the stream into events and hands each one on whole: nothing splits them again.
            var reader = _createStreamReader();
            var events = new EventCollector(keepsParses: reader.ReadsEditedStrings);
            var streamRewriter = _rewriting.CreateStream(masking);
            streamRewriter.ToolFilter = options.ToolFilter;
            streamRewriter.WithholdServerRequest = options.WithholdServerRequest;
            var rewriter = new SseResponseRewriter(streamRewriter, events);
            return new ResponsePipeline(rewriter, events, new EventStage(reader, _maxTextChars, hold, splitsEvents: false), null);
        }

        return new ResponsePipeline(options.BodyRewriter, null, new EventStage(_createStreamReader(), _maxTextChars, hold, splitsEvents: true), null);
    }
}
