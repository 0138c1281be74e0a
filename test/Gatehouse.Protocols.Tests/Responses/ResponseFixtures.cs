namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Each API's stream, body and the one summary both must yield.</summary>
internal static class ResponseFixtures
{
    public static (string Stream, string Body, string Expected) For(ApiKind api) => api switch
    {
        ApiKind.OpenAIChat => (OpenAIChatFixtures.Stream, OpenAIChatFixtures.Body, OpenAIChatFixtures.Expected),
        ApiKind.OpenAIResponses => (OpenAIResponsesFixtures.Stream, OpenAIResponsesFixtures.Body, OpenAIResponsesFixtures.Expected),
        ApiKind.AnthropicMessages => (AnthropicFixtures.Stream, AnthropicFixtures.Body, AnthropicFixtures.Expected),
        ApiKind.OpenAICompletions => (OpenAICompletionsFixtures.Stream, OpenAICompletionsFixtures.Body, OpenAICompletionsFixtures.Expected),
        _ => throw new ArgumentOutOfRangeException(nameof(api)),
    };

    /// <summary>The APIs whose fixtures include tool calls (legacy completions have none).</summary>
    public static TheoryData<ApiKind> ToolCallApis => [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages];

    public static TheoryData<ApiKind> Apis => [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages, ApiKind.OpenAICompletions];
}
