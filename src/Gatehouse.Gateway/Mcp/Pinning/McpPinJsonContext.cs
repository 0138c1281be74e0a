using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Mcp.Pinning;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(McpToolEventRecord))]
[JsonSerializable(typeof(McpToolView[]))]
[JsonSerializable(typeof(McpToolAcceptInput))]
internal sealed partial class McpPinJsonContext : JsonSerializerContext;
