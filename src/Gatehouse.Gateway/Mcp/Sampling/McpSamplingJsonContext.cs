using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Mcp.Sampling;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(McpSamplingRecord))]
internal sealed partial class McpSamplingJsonContext : JsonSerializerContext;
