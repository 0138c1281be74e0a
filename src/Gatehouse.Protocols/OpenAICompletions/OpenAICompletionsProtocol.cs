using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>
/// OpenAI legacy Completions, the shape of GitHub Copilot's inline completions: <c>POST /v1/completions</c> and
/// <c>POST /v1/engines/{engine}/completions</c> (each also without <c>v1/</c>). Its parts, registered in <see cref="ProtocolRegistry"/>.
/// </summary>
internal static class OpenAICompletionsProtocol
{
    public static readonly ProtocolParts Parts = new(
        ApiKind.OpenAICompletions,
        "openai",
        ["v1/completions", "completions", "v1/engines/{engine}/completions", "engines/{engine}/completions"],
        OpenAICompletionsRequestParser.Read,
        () => new OpenAICompletionsEventReader(),
        OpenAICompletionsBodyReader.Instance,
        ResponseRewriting.OpenAICompletions,
        () => new OpenAICompletionsRefusal());
}
