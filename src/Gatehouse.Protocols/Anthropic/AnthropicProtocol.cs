using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Anthropic Messages (<c>POST /v1/messages</c>): its parts, registered in <see cref="ProtocolRegistry"/>.</summary>
internal static class AnthropicProtocol
{
    public static readonly ProtocolParts Parts = new(
        ApiKind.AnthropicMessages,
        "anthropic",
        ["v1/messages", "messages"],
        AnthropicRequestParser.Read,
        () => new AnthropicEventReader(),
        AnthropicBodyReader.Instance,
        ResponseRewriting.Anthropic,
        () => new AnthropicRefusal());
}
