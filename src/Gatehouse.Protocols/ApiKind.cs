namespace Gatehouse.Protocols;

/// <summary>Identifies which model API an exchange speaks, and so which adapter understands it.</summary>
public enum ApiKind
{
    /// <summary>Any other HTTP exchange: proxied and audited as opaque bytes.</summary>
    Http,

    /// <summary>OpenAI Chat Completions (<c>/v1/chat/completions</c>).</summary>
    OpenAIChat,

    /// <summary>OpenAI Responses (<c>/v1/responses</c>).</summary>
    OpenAIResponses,

    /// <summary>Anthropic Messages (<c>/v1/messages</c>).</summary>
    AnthropicMessages,

    /// <summary>OpenAI legacy Completions (<c>/v1/completions</c>, <c>/v1/engines/{engine}/completions</c>): Copilot inline completions.</summary>
    OpenAICompletions,
    /// <summary>Model Context Protocol: JSON-RPC messages over Streamable HTTP, on a connection of kind <c>mcp</c>.</summary>
    Mcp,
}
