namespace Gatehouse.Storage.Mcp;

/// <summary>One change a listing or an accept made to a tool's pin.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Kind">What changed.</param>
/// <param name="PreviousHash">The hash accepted before, or null when none was.</param>
/// <param name="Hash">The hash the change is about: the definition pinned, pending or accepted.</param>
public sealed record McpToolChange(string Tool, McpToolChangeKind Kind, string? PreviousHash, string Hash);
