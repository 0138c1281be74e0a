namespace Gatehouse.Policy.Context;

/// <summary>Describes one tool call as the protocol adapter assembled it (CEL: an element of <c>tool_calls</c>).</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The raw JSON arguments, exactly as forwarded; may be empty or invalid JSON.</param>
public sealed record PolicyToolCall(string Name, string Arguments);
