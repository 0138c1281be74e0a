using System.Text.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// Reads an MCP response stream: notifications and server requests (progress, logging, sampling) say nothing for the
/// record; the JSON-RPC response that answers the POST completes it.
/// </summary>
internal sealed class McpEventReader : JsonEventReader
{
    protected override void Read(JsonElement data, ICollection<StreamDelta> deltas) => McpResults.Read(data, deltas);
}
