using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Holding;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// MCP refusals: a JSON-RPC error answering the request the response was for (its id as the stream or body gave it),
/// with the code <see cref="McpErrorCodes.Refused"/>.
/// </summary>
internal sealed class McpRefusal : RefusalWriter
{
    private string? _id;

    public override void Observe(ReadOnlySpan<byte> eventType, JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id"u8, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            _id = id.GetRawText();
        }
    }

    public override void WriteStream(IBufferWriter<byte> output, RefusalContent content)
        => Event(output, "message", w => Error(w, content));

    public override void WriteBody(IBufferWriter<byte> output, RefusalContent content) => Json(output, w => Error(w, content));

    private void Error(Utf8JsonWriter w, RefusalContent content) => McpErrorCodes.WriteErrorMembers(w, _id, McpErrorCodes.Refused, content.Text, null);
}
