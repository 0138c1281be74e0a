namespace Gatehouse.ConsoleTests.Infrastructure;

/// <summary>What an SDK client received from one streamed chat call: the text, and the tool call (name and arguments) if any.</summary>
public sealed record StreamedCall(string Text, string ToolName, string ToolArguments);
