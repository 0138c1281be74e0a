namespace Gatehouse.Gateway.Webhooks;

/// <summary>The events a webhook can subscribe to.</summary>
internal static class WebhookEvents
{
    /// <summary>An approval request was opened and waits for reviewers.</summary>
    public const string ApprovalRequested = "approval.requested";

    /// <summary>An approval request was approved, rejected or timed out.</summary>
    public const string ApprovalResolved = "approval.resolved";

    /// <summary>A just-in-time access request was opened and waits for reviewers.</summary>
    public const string GrantRequested = "grant.requested";

    /// <summary>An access request was approved, rejected, timed out, withdrawn by its requester, or its access revoked.</summary>
    public const string GrantResolved = "grant.resolved";

    /// <summary>An audit checkpoint was signed.</summary>
    public const string CheckpointSigned = "checkpoint.signed";

    /// <summary>A tool definition of an MCP connection changed, or a new tool appeared, and waits for an admin's accept.</summary>
    public const string McpToolChanged = "mcp.tool.changed";

    /// <summary>Gets every event, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [ApprovalRequested, ApprovalResolved, GrantRequested, GrantResolved, CheckpointSigned, McpToolChanged];
}
