namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// One message a coding agent adds to its conversation: the user's text, the assistant's text with a tool call, or that
/// call's result. The wire formats (<see cref="AgentWire"/>) write it as OpenAI chat or Anthropic messages JSON.
/// </summary>
/// <param name="Kind">What the message is.</param>
/// <param name="Text">The user's or assistant's text, or the tool's output.</param>
/// <param name="CallId">The tool call's id (assistant call and tool result), else null.</param>
/// <param name="ToolName">The tool called (assistant call), else null.</param>
/// <param name="Arguments">The call's arguments as a JSON object (assistant call), else null.</param>
internal sealed record AgentMessage(AgentMessageKind Kind, string Text, string? CallId = null, string? ToolName = null, string? Arguments = null);
