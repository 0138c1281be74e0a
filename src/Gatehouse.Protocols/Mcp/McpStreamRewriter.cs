using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Mcp;

/// <summary>Rewrites an MCP response stream: each event is one JSON-RPC message, masked whole (see <see cref="McpRewrite"/>).</summary>
internal sealed class McpStreamRewriter(ITextRewriter rewriter) : StreamRewriter(rewriter, keepReleased: false)
{
    // Every string is masked whole in its own event, so no channel is left open at the end.
    public override void Complete(SseEventWriter writer)
    {
    }

    protected override bool Rewrite(JsonElement data, SseEventWriter writer) => McpRewrite.Message(data, Fields);
}
