using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Requests;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols;

/// <summary>One API's adapter, assembled from its request parser and its stream and body readers.</summary>
internal sealed class ProtocolAdapter : IProtocolAdapter
{
    private readonly Func<JsonElement, ParsedRequest> _read;
    private readonly Func<IStreamEventReader> _createStreamReader;
    private readonly IResponseBodyReader _bodyReader;
    private readonly int _maxTextChars;
    private readonly int _maxBodyBytes;
    private readonly ResponseRewriting _rewriting;

    public ProtocolAdapter(
        ApiKind api,
        Func<JsonElement, ParsedRequest> read,
        Func<IStreamEventReader> createStreamReader,
        IResponseBodyReader bodyReader,
        ResponseRewriting rewriting,
        int maxTextChars,
        int maxBodyBytes)
    {
        _rewriting = rewriting;
        Api = api;
        _read = read;
        _createStreamReader = createStreamReader;
        _bodyReader = bodyReader;
        _maxTextChars = maxTextChars;
        _maxBodyBytes = maxBodyBytes;
    }

    public ApiKind Api { get; }

    public RequestParseResult ParseRequest(ReadOnlySpan<byte> body) => RequestParsing.Parse(body, _read);

    public RequestParseResult ReadRequest(RequestJson body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RequestParsing.Read(body.Root, _read);
    }

    public IResponseAssembler CreateResponseAssembler(string? contentType)
        => MediaTypes.IsEventStream(contentType)
            ? new SseResponseAssembler(_createStreamReader(), _maxTextChars)
            : new JsonResponseAssembler(_bodyReader, _maxTextChars, _maxBodyBytes);

    public IResponseRewriter CreateResponseRewriter(string? contentType, ITextRewriter rewriter)
    {
        ArgumentNullException.ThrowIfNull(rewriter);
        return MediaTypes.IsEventStream(contentType)
            ? new SseResponseRewriter(_rewriting.CreateStream(rewriter))
            : new JsonResponseRewriter(_rewriting.Body, rewriter, _maxBodyBytes);
    }

    public IStreamEventReader CreateStreamEventReader() => _createStreamReader();

    public IResponseBodyReader BodyReader => _bodyReader;
}
