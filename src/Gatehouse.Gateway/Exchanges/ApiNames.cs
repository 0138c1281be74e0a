using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>The stable API names written to the audit and used as metric tags.</summary>
internal static class ApiNames
{
    public static string Of(ApiKind api) => api switch
    {
        ApiKind.OpenAIChat => "openai.chat",
        ApiKind.OpenAIResponses => "openai.responses",
        ApiKind.AnthropicMessages => "anthropic.messages",
        _ => "http",
    };
}
