namespace Gatehouse.Protocols;

/// <summary>A tool call made by the model, with its arguments as the JSON text the model produced.</summary>
public sealed record ToolCall(string? Id, string Name, string Arguments);
