using Gatehouse.Protocols.Anthropic;
using Gatehouse.Protocols.OpenAIChat;
using Gatehouse.Protocols.OpenAIResponses;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols;

/// <summary>Chooses the adapter for an exchange from the connection's kind, the method and the path.</summary>
/// <remarks>
/// Matching is exact per path segment, after reducing the path as an upstream might (percent-decoding, empty and
/// dot segments, case); anything else on a model connection, such as <c>responses/{id}</c> or
/// <c>messages/count_tokens</c>, is opaque HTTP. Adapters are stateless and shared.
/// </remarks>
public sealed class ProtocolRegistry
{
    /// <summary>The default bound on a buffered (not streamed) JSON response: 8 MiB.</summary>
    public const int DefaultMaxJsonBodyBytes = 8 << 20;

    private readonly ProtocolAdapter _openAIChat;
    private readonly ProtocolAdapter _openAIResponses;
    private readonly ProtocolAdapter _anthropicMessages;

    /// <summary>Creates a registry whose assemblers keep at most <paramref name="maxTextChars"/> of response text
    /// and buffer at most <paramref name="maxJsonBodyBytes"/> of a JSON response.</summary>
    public ProtocolRegistry(int maxTextChars = 1_048_576, int maxJsonBodyBytes = DefaultMaxJsonBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTextChars);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJsonBodyBytes, 1);
        MaxTextChars = maxTextChars;
        MaxJsonBodyBytes = maxJsonBodyBytes;
        _openAIChat = new ProtocolAdapter(
            ApiKind.OpenAIChat, OpenAIChatRequestParser.Parse, () => new OpenAIChatEventReader(), OpenAIChatBodyReader.Instance, ResponseRewriting.OpenAIChat, maxTextChars, maxJsonBodyBytes);
        _openAIResponses = new ProtocolAdapter(
            ApiKind.OpenAIResponses, OpenAIResponsesRequestParser.Parse, () => new OpenAIResponsesEventReader(), OpenAIResponsesBodyReader.Instance, ResponseRewriting.OpenAIResponses, maxTextChars, maxJsonBodyBytes);
        _anthropicMessages = new ProtocolAdapter(
            ApiKind.AnthropicMessages, AnthropicRequestParser.Parse, () => new AnthropicEventReader(), AnthropicBodyReader.Instance, ResponseRewriting.Anthropic, maxTextChars, maxJsonBodyBytes);
    }

    /// <summary>Gets the most response text an assembler keeps; the default is 1,048,576 characters.</summary>
    public int MaxTextChars { get; }

    /// <summary>Gets the most bytes of a JSON (not streamed) response an assembler buffers; the default is 8 MiB.</summary>
    public int MaxJsonBodyBytes { get; }

    /// <summary>
    /// Returns the adapter for <paramref name="path"/> (the part after <c>/{connection}/</c>, no query) on a
    /// connection of <paramref name="connectionKind"/> (<c>openai</c>, <c>anthropic</c> or <c>http</c>), or null
    /// when the exchange is opaque HTTP.
    /// </summary>
    public IProtocolAdapter? Resolve(string connectionKind, string method, string path)
    {
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var route = RoutePath.Normalise(path);
        if (string.Equals(connectionKind, "openai", StringComparison.OrdinalIgnoreCase))
        {
            return route switch
            {
                "v1/chat/completions" or "chat/completions" => _openAIChat,
                "v1/responses" or "responses" => _openAIResponses,
                _ => null,
            };
        }

        return string.Equals(connectionKind, "anthropic", StringComparison.OrdinalIgnoreCase)
            && route is "v1/messages" or "messages"
            ? _anthropicMessages
            : null;
    }

    /// <summary>Returns the adapter for <paramref name="api"/>, or null for <see cref="ApiKind.Http"/>.</summary>
    public IProtocolAdapter? Get(ApiKind api) => api switch
    {
        ApiKind.OpenAIChat => _openAIChat,
        ApiKind.OpenAIResponses => _openAIResponses,
        ApiKind.AnthropicMessages => _anthropicMessages,
        _ => null,
    };
}
