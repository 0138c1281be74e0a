namespace Gatehouse.Protocols.Rewriting;

/// <summary>What kind of text one <see cref="TextChannel"/> carries.</summary>
public enum TextChannelKind
{
    /// <summary>Response text shown to the user (including refusals).</summary>
    Content,

    /// <summary>Reasoning or thinking text.</summary>
    Reasoning,

    /// <summary>A reasoning summary (OpenAI Responses), apart from the full reasoning text.</summary>
    ReasoningSummary,

    /// <summary>Tool-call arguments: JSON text whose reassembly must stay valid JSON.</summary>
    ToolArguments,

    /// <summary>
    /// Free text a tool receives, not JSON: a custom tool call's input (OpenAI Responses), or one string value of a
    /// tool input object given whole (Anthropic <c>input</c>).
    /// </summary>
    ToolInput,
}
