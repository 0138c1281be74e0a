namespace Gatehouse.LoadBench.Agent;

/// <summary>The kinds of message a coding agent's conversation grows by.</summary>
internal enum AgentMessageKind
{
    /// <summary>Text the developer typed.</summary>
    User,

    /// <summary>The assistant's text and one tool call.</summary>
    AssistantToolCall,

    /// <summary>The output of the tool the assistant called.</summary>
    ToolResult,
}
