using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// Reads an MCP response stream: notifications and server requests (progress, logging, sampling) say nothing for the
/// record; the JSON-RPC response that answers the POST completes it.
/// </summary>
internal sealed class McpEventReader : JsonEventReader
{
    // A result without texts is recorded as its raw JSON, which the rewriter's parse does not hold as masked.
    public override bool ReadsEditedStrings => false;

    protected override void Read(JsonElement data, EditedStrings strings, ICollection<StreamDelta> deltas) => McpResults.Read(data, deltas);
}
