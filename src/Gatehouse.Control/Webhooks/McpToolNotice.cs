using Gatehouse.Gateway.Webhooks;

namespace Gatehouse.Control.Webhooks;

/// <summary>A tool of an MCP connection whose definition changed (or which appeared) and now waits for an admin.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="Change"><c>changed</c> or <c>added</c>.</param>
/// <param name="PreviousHash">The accepted definition's SHA-256, or null for a new tool.</param>
/// <param name="Hash">The pending definition's SHA-256.</param>
/// <param name="At">When the gateway first saw it.</param>
internal sealed record McpToolNotice(string Connection, string Tool, string Change, string? PreviousHash, string Hash, DateTimeOffset At)
    : Notice(WebhookEvents.McpToolChanged, At);
