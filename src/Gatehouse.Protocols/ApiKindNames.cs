namespace Gatehouse.Protocols;

/// <summary>Maps <see cref="ApiKind"/> to the stable names used in audit records, metrics and policy.</summary>
public static class ApiKindNames
{
    /// <summary>Returns the stable name: <c>http</c>, <c>openai.chat</c>, <c>openai.responses</c>, <c>anthropic.messages</c>, <c>openai.completions</c> or <c>mcp</c>.</summary>
    public static string ToName(this ApiKind api) => api switch
    {
        ApiKind.OpenAIChat => "openai.chat",
        ApiKind.OpenAIResponses => "openai.responses",
        ApiKind.AnthropicMessages => "anthropic.messages",
        ApiKind.OpenAICompletions => "openai.completions",
        ApiKind.Mcp => "mcp",
        _ => "http",
    };

    /// <summary>Parses a stable name back; returns false for any other string.</summary>
    public static bool TryParse(string? name, out ApiKind api)
    {
        api = name switch
        {
            "http" => ApiKind.Http,
            "openai.chat" => ApiKind.OpenAIChat,
            "openai.responses" => ApiKind.OpenAIResponses,
            "anthropic.messages" => ApiKind.AnthropicMessages,
            "openai.completions" => ApiKind.OpenAICompletions,
            "mcp" => ApiKind.Mcp,
            _ => (ApiKind)(-1),
        };
        return api >= ApiKind.Http;
    }
}
