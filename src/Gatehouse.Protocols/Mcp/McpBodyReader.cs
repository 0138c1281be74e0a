using System.Text.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Mcp;

/// <summary>Reads a whole MCP response body (<c>application/json</c>): one JSON-RPC response.</summary>
internal sealed class McpBodyReader : IResponseBodyReader
{
    public static readonly McpBodyReader Instance = new();

    public void Read(JsonElement root, ICollection<StreamDelta> deltas)
    {
        if (!McpResults.Read(root, deltas))
        {
            deltas.Add(StreamDelta.Failure("response body is not a JSON-RPC response"));
        }
    }
}
