namespace Gatehouse.Storage.Mcp;

/// <summary>One tool as a <c>tools/list</c> answer defined it.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Hash">The SHA-256 (hex) of its definition's canonical form.</param>
/// <param name="Definition">Its canonical JSON, masked, kept so that an admin can see what changed.</param>
public sealed record McpToolObservation(string Tool, string Hash, string Definition);
