namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>Why a stateless retry was refused: a stable code from <see cref="McpStateProblems"/> and what to do.</summary>
internal sealed record McpStateRefusal(string Code, string Detail);
