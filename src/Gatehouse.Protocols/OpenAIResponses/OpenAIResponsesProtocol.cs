using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>OpenAI Responses (<c>POST /v1/responses</c>): its parts, registered in <see cref="ProtocolRegistry"/>.</summary>
internal static class OpenAIResponsesProtocol
{
    public static readonly ProtocolParts Parts = new(
        ApiKind.OpenAIResponses,
        "openai",
        ["v1/responses", "responses"],
        OpenAIResponsesRequestParser.Read,
        () => new OpenAIResponsesEventReader(),
        OpenAIResponsesBodyReader.Instance,
        ResponseRewriting.OpenAIResponses,
        () => new OpenAIResponsesRefusal());
}
