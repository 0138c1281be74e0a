namespace Gatehouse.LoadBench.Agent;

/// <summary>The API an agent's session speaks.</summary>
internal enum AgentApi
{
    /// <summary>OpenAI chat completions (<c>/v1/chat/completions</c>).</summary>
    OpenAIChat,

    /// <summary>Anthropic messages (<c>/v1/messages</c>).</summary>
    AnthropicMessages,
}
