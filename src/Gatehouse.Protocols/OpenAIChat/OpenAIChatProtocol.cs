using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>OpenAI Chat Completions (<c>POST /v1/chat/completions</c>): its parts, registered in <see cref="ProtocolRegistry"/>.</summary>
internal static class OpenAIChatProtocol
{
    public static readonly ProtocolParts Parts = new(
        ApiKind.OpenAIChat,
        "openai",
        ["v1/chat/completions", "chat/completions"],
        OpenAIChatRequestParser.Read,
        () => new OpenAIChatEventReader(),
        OpenAIChatBodyReader.Instance,
        ResponseRewriting.OpenAIChat,
        () => new OpenAIChatRefusal());
}
