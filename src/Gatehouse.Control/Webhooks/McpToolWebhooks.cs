using Gatehouse.Gateway.Mcp.Pinning;

namespace Gatehouse.Control.Webhooks;

/// <summary>Queues a pending MCP tool definition for the webhooks that receive <c>mcp.tool.changed</c>.</summary>
internal sealed class McpToolWebhooks(WebhookDispatcher dispatcher) : IMcpToolNotifications
{
    public void Pending(string connection, string tool, string change, string? previousHash, string hash, DateTimeOffset at)
    {
        var notice = new McpToolNotice(connection, tool, change, previousHash, hash, at);
        dispatcher.TryEnqueue(new QueuedNotice(notice.Event, _ => ValueTask.FromResult<Notice>(notice)));
    }
}
